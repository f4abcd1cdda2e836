import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

interface Made {
  id: string;
  revision: number;
}

describe('cases in the workbench', () => {
  const s = browserPerFile();
  let bench: Page;
  const made: Made[] = [];
  beforeAll(async () => {
    bench = await openWorkbench(s);
    const people = [
      ['张三', '济南建工集团有限公司'],
      ['李四', '山东路桥集团有限公司'],
      ['王五', '济南建工集团有限公司'],
      ['赵六', '山东路桥集团有限公司'],
    ];
    for (const [name, employerName] of people) {
      const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name, employerName } } });
      made.push(await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' }));
    }
    await bench.reload();
    await bench.locator('[data-jzs-case-count="4"]').waitFor();
  });

  const statuses = () => bench.locator('[data-jzs-case]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-jzs-case'), e.getAttribute('data-status')])));

  it('lists every case with its business and status hooks', async () => {
    expect(await bench.locator('[data-jzs-case][data-business="renewal"][data-status="preparing"]').count()).toBe(4);
  });

  it('sets the status of 3 selected cases in one batch, and only theirs', async () => {
    const chosen = made.slice(0, 3).map((c) => c.id);
    for (const id of chosen) await bench.locator(`[data-jzs-case-select="${id}"]`).check();
    await bench.locator('[data-jzs-case-batch="3"]').waitFor();
    await bench.locator('[data-jzs-batch-status]').selectOption('submitted');
    await bench.locator('[data-jzs-action="batch-status"]').click();
    await bench.locator('[data-jzs-case-message="ok"]').waitFor();
    await expect.poll(statuses).toEqual({ [chosen[0]!]: 'submitted', [chosen[1]!]: 'submitted', [chosen[2]!]: 'submitted', [made[3]!.id]: 'preparing' });
    // Stored, not only shown.
    const stored = await sendFrom<Array<{ status: string; submittedOn?: string }>>(bench, 'ui:cases.get', { ids: chosen });
    expect(stored.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(stored.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.submittedOn ?? ''))).toBe(true);
  });

  it('prints one packet per selected case: cover sheet with the status, checklist with the ticks, steps', async () => {
    const chosen = made.slice(0, 3).map((c) => c.id);
    const [current] = await sendFrom<Array<{ id: string; revision: number }>>(bench, 'ui:cases.get', { ids: [chosen[0]] });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: current!.id, revision: current!.revision }], patch: { ready: ['id-card'] } });
    const [popup] = await Promise.all([s.context.waitForEvent('page'), bench.locator('[data-jzs-action="print-packets"]').click()]);
    await expect.poll(() => popup.locator('[data-jzs-packet]').count()).toBe(3);
    expect(popup.url()).toContain(`cases=${chosen.join(',')}`);
    expect(await popup.locator('[data-jzs-packet]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-business'), e.getAttribute('data-status')]))).toEqual(Array(3).fill(['renewal', 'submitted']));
    expect(await popup.locator('[data-jzs-packet-status]').first().textContent()).toBe('已提交');
    const first = popup.locator(`[data-jzs-packet="${chosen[0]}"]`);
    expect(await first.locator('[data-jzs-material="id-card"]').getAttribute('data-status')).toBe('done');
    expect(await first.locator('[data-jzs-applicant-name]').textContent()).toBe('张三');
    await popup.close();
  });

  it('filters by status and by employer', async () => {
    await bench.locator('[data-jzs-case-filter="status"]').selectOption('submitted');
    await expect.poll(() => bench.locator('[data-jzs-case]').count()).toBe(3);
    await bench.locator('[data-jzs-case-filter="employer"]').selectOption('济南建工集团有限公司');
    await expect.poll(() => bench.locator('[data-jzs-case]').count()).toBe(2);
    expect(await bench.locator('[data-jzs-case]').evaluateAll((els) => els.every((e) => e.getAttribute('data-status') === 'submitted'))).toBe(true);
    await bench.locator('[data-jzs-case-filter="status"]').selectOption('');
    await bench.locator('[data-jzs-case-filter="employer"]').selectOption({ index: 0 });
    await expect.poll(() => bench.locator('[data-jzs-case]').count()).toBe(4);
  });

  it('ticks and the case editor follow their case, not the row it was drawn in, across a filter', async () => {
    const ticked = () => bench.locator('[data-jzs-case-select]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-jzs-case-select'), e instanceof HTMLInputElement && e.checked])));
    const [a, b, c, d] = made.map((m) => m.id);
    await expect.poll(ticked).toEqual({ [a!]: true, [b!]: true, [c!]: true, [d!]: false });
    // Only the unticked case left: drawn in the first row, which held a ticked case a moment ago.
    await bench.locator('[data-jzs-case-filter="status"]').selectOption('preparing');
    await expect.poll(ticked).toEqual({ [d!]: false });
    await bench.locator(`[data-jzs-case="${d}"] button.link`).click();
    const editor = bench.locator(`[data-jzs-case-editor="${d}"]`);
    await editor.locator('select').selectOption('ready');
    await editor.locator('[data-jzs-action="save-case"]').click();
    // Saved as 材料齐全: the 准备材料 filter no longer keeps it, and the editor went with it.
    await expect.poll(() => bench.locator('[data-jzs-case]').count()).toBe(0);
    expect(await bench.locator('[data-jzs-case-editor]').count()).toBe(0);
    await bench.locator('[data-jzs-case-filter="status"]').selectOption('');
    await expect.poll(statuses).toEqual({ [a!]: 'submitted', [b!]: 'submitted', [c!]: 'submitted', [d!]: 'ready' });
    expect(await ticked()).toEqual({ [a!]: true, [b!]: true, [c!]: true, [d!]: false });
    // 材料齐全 with nothing ticked: the row says how many materials are still missing, from the checklist.
    const [, needed] = ((await bench.locator(`[data-jzs-case="${d}"] [data-jzs-case-materials]`).getAttribute('data-jzs-case-materials')) ?? '').split('/');
    expect(Number(needed)).toBeGreaterThan(0);
    expect(await bench.locator(`[data-jzs-case="${d}"] [data-jzs-case-incomplete]`).getAttribute('data-jzs-case-incomplete')).toBe(needed);
    expect(await bench.locator('[data-jzs-case-incomplete]').count()).toBe(1);
  });

  it("prints an applicant's checklist with the ticks of their open case, never a finished round's", async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '孙七' } } });
    const old = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: old.id, revision: old.revision }], patch: { status: 'done', ready: ['application-form', 'labor-contract'] } });
    const status = async (material: string) => {
      const sheet = await s.openExtensionPage(`checklist.html?business=renewal&profile=${p.id}`);
      // The name comes from the profile, in the same update as the ticks: once it shows, the ticks are in.
      await sheet.locator('[data-jzs-applicant-name]', { hasText: '孙七' }).waitFor();
      const got = await sheet.getAttribute(`[data-jzs-material="${material}"]`, 'data-status');
      await sheet.close();
      return got;
    };
    // The 延续 finished three years ago: its contract is not this round's.
    await expect.poll(() => status('labor-contract')).toBe('missing');
    const now = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: now.id, revision: now.revision }], patch: { ready: ['id-card'] } });
    await expect.poll(() => status('id-card')).toBe('done');
    expect(await status('labor-contract')).toBe('missing');
  });

  it('prints only the rules that hold under the situations set (变更 + 单位更名: no contract rule)', async () => {
    const printed = async (query: string) => {
      const sheet = await s.openExtensionPage(`checklist.html?${query}`);
      await sheet.locator('[data-jzs-material="application-form"]').waitFor();
      const ids = await sheet.locator('[data-jzs-check]').evaluateAll((els) => els.map((e) => e.getAttribute('data-jzs-check')));
      await sheet.close();
      return ids;
    };
    expect(await printed('business=change')).toContain('contract-end-one-year');
    const renamed = await printed('business=change&conditions=company-renamed');
    expect(renamed).not.toContain('contract-end-one-year');
    expect(renamed).not.toContain('dismissal-after-certificate');
    expect(renamed).toContain('age-limit-65');
  });

  it("a case's packet prints the rules that hold under the case's situations and the offices, as the checklist does", async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '孙十一' } } });
    const plain = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    const renamed = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: renamed.id, revision: renamed.revision }], patch: { conditions: ['company-renamed'] } });
    const sheet = await s.openExtensionPage(`checklist.html?cases=${plain.id},${renamed.id}`);
    await expect.poll(() => sheet.locator('[data-jzs-packet] [data-jzs-material="application-form"]').count()).toBe(2);
    const rules = (id: string) => sheet.locator(`[data-jzs-packet="${id}"] [data-jzs-check]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-jzs-check')));
    expect(await rules(plain.id)).toContain('contract-end-one-year');
    expect(await rules(renamed.id)).not.toContain('contract-end-one-year');
    expect(await rules(renamed.id)).toContain('age-limit-65');
    // Where to take it: the offices, as on the checklist (the 受理 window's address and phone).
    const offices = sheet.locator(`[data-jzs-packet="${plain.id}"] [data-jzs-offices]`);
    expect(Number(await offices.getAttribute('data-jzs-offices'))).toBeGreaterThan(0);
    expect(await offices.textContent()).toContain('61378805');
    await sheet.close();
    await sendFrom(bench, 'ui:profiles.delete', { ids: [p.id] });
  });

  it("prints the checklist of an applicant without a case with the situations their profile states (退休 → 退休证)", async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '周八', retired: true } } });
    const sheet = await s.openExtensionPage(`checklist.html?business=renewal&profile=${p.id}`);
    await sheet.locator('[data-jzs-applicant-name]', { hasText: '周八' }).waitFor();
    expect(await sheet.getAttribute('[data-jzs-material="retirement-certificate"]', 'data-status')).toBe('missing');
    expect(await sheet.locator('[data-jzs-condition="retired"]').isChecked()).toBe(true);
    await sheet.close();
  });

  it('prints the 初始 checklist of an applicant qualified more than 3 years ago with the 继续教育证明 逾期申请 calls for (153号令 第十一条)', async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '郑十', qualificationIssueDate: '2019-05-10' } } });
    const sheet = await s.openExtensionPage(`checklist.html?business=initial&profile=${p.id}`);
    await sheet.locator('[data-jzs-applicant-name]', { hasText: '郑十' }).waitFor();
    await expect.poll(() => sheet.getAttribute('[data-jzs-material="continuing-education-proof"]', 'data-status')).toBe('missing');
    expect(await sheet.locator('[data-jzs-condition="qualification-over-3-years"]').isChecked()).toBe(true);
    // The 解聘 rule is printed with the situation it belongs to, not as a rule for everyone.
    expect(await sheet.locator('[data-jzs-check="contract-after-dismissal"]').textContent()).toContain('考试报名时单位与注册单位不一致的');
    await sheet.close();
  });

  it("prints a batch of packets when one case's applicant was deleted: that packet says so, the others print", async () => {
    const gone = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '吴九' } } });
    const orphan = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: gone.id, business: 'cancel' });
    await sendFrom(bench, 'ui:profiles.delete', { ids: [gone.id] });
    const sheet = await s.openExtensionPage(`checklist.html?cases=${made[0]!.id},${orphan.id}`);
    await expect.poll(() => sheet.locator('[data-jzs-packet]').count()).toBe(2);
    expect(await sheet.locator(`[data-jzs-packet="${made[0]!.id}"] [data-jzs-applicant-name]`).textContent()).toBe('张三');
    expect(await sheet.locator(`[data-jzs-packet="${orphan.id}"] [data-jzs-profile-gone]`).count()).toBe(1);
    expect(await sheet.locator(`[data-jzs-packet="${orphan.id}"] [data-jzs-material="application-form"]`).count()).toBe(1);
    await sheet.close();
  });

  it("the profile editor's cases show materials n/m, and 材料齐全 with items missing says how many", async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '郑十' } } });
    const c = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'add-specialty' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { status: 'ready', ready: ['application-form'] } });
    await bench.reload();
    await bench.locator('[data-jzs-search]').first().fill('郑十');
    await bench.locator(`[data-jzs-profile="${p.id}"]`).click();
    const box = bench.locator(`[data-jzs-profile-cases="${p.id}"]`);
    const materials = box.locator('[data-jzs-case-materials]');
    await materials.waitFor();
    const [done, needed] = ((await materials.getAttribute('data-jzs-case-materials')) ?? '').split('/').map(Number);
    expect(done).toBe(1);
    expect(await box.locator('[data-jzs-case-incomplete]').getAttribute('data-jzs-case-incomplete')).toBe(String((needed ?? 0) - 1));
  });

  it("a business added in the profile editor shows in the 办件 table at once, and the table's changes show in the editor", async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '钱七', employerName: '济南建工集团有限公司' } } });
    await bench.reload();
    const count = Number(await bench.locator('[data-jzs-case-count]:not([data-jzs-case-count=""])').getAttribute('data-jzs-case-count'));
    await bench.locator('[data-jzs-search]').first().fill('钱七');
    await bench.locator(`[data-jzs-profile="${p.id}"]`).click();
    const box = bench.locator(`[data-jzs-profile-cases="${p.id}"]`);
    await box.locator('[data-jzs-add-business]').selectOption('change');
    await box.locator('[data-jzs-action="add-business"]').click();
    await box.locator('[data-jzs-progress-business="change"]').waitFor();
    // No reload: the clerk looks down at the 办件 table.
    await bench.locator(`[data-jzs-case-count="${count + 1}"]`).waitFor();
    const [made] = await sendFrom<Made[]>(bench, 'ui:cases.ofProfile', { profileId: p.id });
    await bench.locator(`[data-jzs-case="${made!.id}"][data-business="change"][data-status="preparing"]`).waitFor();
    // And back: a batch status set in the table is what the open editor shows.
    await bench.locator(`[data-jzs-case-select="${made!.id}"]`).check();
    await bench.locator('[data-jzs-batch-status]').selectOption('submitted');
    await bench.locator('[data-jzs-action="batch-status"]').click();
    await expect.poll(() => box.locator('[data-jzs-progress-business="change"] select').inputValue()).toBe('submitted');
  });

  it('keyboard only: arrowing through 添加业务 creates no case; the 添加 button adds the one chosen', async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '冯十二' } } });
    await bench.reload();
    await bench.locator('[data-jzs-search]').first().fill('冯十二');
    await bench.locator(`[data-jzs-profile="${p.id}"]`).click();
    const box = bench.locator(`[data-jzs-profile-cases="${p.id}"]`);
    await box.locator('[data-jzs-add-business]').focus();
    // A closed select changes its value on each arrow key (and says so with a change event).
    for (let i = 0; i < 3; i++) await bench.keyboard.press('ArrowDown');
    expect(await box.locator('[data-jzs-add-business]').inputValue()).toBe('change');
    await bench.keyboard.press('Tab');
    expect(await bench.evaluate(() => document.activeElement?.getAttribute('data-jzs-action'))).toBe('add-business');
    expect(await sendFrom<unknown[]>(bench, 'ui:cases.ofProfile', { profileId: p.id })).toEqual([]);
    await bench.keyboard.press('Enter');
    await box.locator('[data-jzs-progress-business="change"]').waitFor();
    const cases = await sendFrom<Array<{ business: string }>>(bench, 'ui:cases.ofProfile', { profileId: p.id });
    expect(cases.map((c) => c.business)).toEqual(['change']);
  });

  it("keyboard only: arrowing through a case's status in the editor saves nothing on the way; its button sets the one chosen", async () => {
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '褚十三' } } });
    const c = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' });
    await bench.reload();
    await bench.locator('[data-jzs-search]').first().fill('褚十三');
    await bench.locator(`[data-jzs-profile="${p.id}"]`).click();
    const choice = bench.locator(`[data-jzs-case-status-choice="${c.id}"]`);
    await choice.focus();
    // 准备材料 → 材料齐全 → 已提交 → 审核中: each arrow changes a closed select (with a change event).
    for (let i = 0; i < 3; i++) await bench.keyboard.press('ArrowDown');
    expect(await choice.inputValue()).toBe('in-review');
    await bench.keyboard.press('Tab');
    expect(await bench.evaluate(() => document.activeElement?.getAttribute('data-jzs-action'))).toBe('set-case-status');
    const [before] = await sendFrom<Array<{ status: string; revision: number }>>(bench, 'ui:cases.ofProfile', { profileId: p.id });
    expect([before?.status, before?.revision]).toEqual(['preparing', c.revision]);
    await bench.keyboard.press('Enter');
    await bench.locator(`[data-jzs-case="${c.id}"][data-status="in-review"]`).waitFor();
    const [after] = await sendFrom<Array<{ status: string; revision: number }>>(bench, 'ui:cases.ofProfile', { profileId: p.id });
    expect([after?.status, after?.revision]).toEqual(['in-review', c.revision + 1]);
    await expect.poll(() => bench.locator('[data-jzs-action="set-case-status"]').count()).toBe(0);
  });
});

describe('updating a case from the portal (网厅 我的申请, 办件详情)', () => {
  const s = browserPerFile();
  let caseId = '';
  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '张三' } } });
    const c = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { status: 'in-review' } });
    await sendFrom(bench, 'ui:active.set', { id: p.id });
    caseId = c.id;
    await bench.close();
  });

  const stored = async () => {
    const page = await s.openExtensionPage('options.html');
    const [c] = await sendFrom<Array<{ status: string; correction?: { text: string }; portal?: { serial?: string } }>>(page, 'ui:cases.get', { ids: [caseId] });
    await page.close();
    return c!;
  };

  it('offers the 待补正 the list shows, changes nothing until the click, then updates the case', async () => {
    const portal = await s.open('zwdt-my-applications');
    await portal.locator('.mini-grid-row').first().waitFor();
    const popup = await s.openExtensionPage('popup.html');
    const offer = popup.locator(`[data-jzs-case-offer="${caseId}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-from')).toBe('in-review');
    expect(await offer.getAttribute('data-to')).toBe('needs-correction');
    expect((await stored()).status).toBe('in-review'); // offered, not written
    await offer.locator('[data-jzs-action="update-case"]').click();
    await popup.locator(`[data-jzs-case-updated="${caseId}"]`).waitFor();
    const after = await stored();
    expect(after.status).toBe('needs-correction');
    expect(after.portal?.serial).toBe('370100202611030087');
    await popup.close();
    await portal.close();
  });

  it('records the 补正意见 from the 办件详情 page on the same case', async () => {
    const portal = await s.open('zwdt-application-detail');
    const popup = await s.openExtensionPage('popup.html');
    const offer = popup.locator(`[data-jzs-case-offer="${caseId}"]`);
    await offer.waitFor();
    await offer.locator('[data-jzs-action="update-case"]').click();
    await popup.locator(`[data-jzs-case-updated="${caseId}"]`).waitFor();
    expect((await stored()).correction?.text).toBe('解聘证明日期早于注册证书签发日期，请核实后重新上传解聘证明。');
    await popup.close();
    await portal.close();
  });

  it('offers the same update in the on-page panel on 我的申请: nothing written before the click, then status and 补正意见', async () => {
    // A second applicant with a 变更 case under review, made the current one.
    const bench = await s.openExtensionPage('options.html');
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '李四' } } });
    const made = await sendFrom<Made>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: made.id, revision: made.revision }], patch: { status: 'in-review' } });
    await sendFrom(bench, 'ui:active.set', { id: p.id });
    await bench.close();
    caseId = made.id;
    const portal = await s.open('zwdt-my-applications');
    await portal.locator('.mini-grid-row').first().waitFor();
    const panel = await panelFrame(portal);
    const offer = panel.locator(`[data-jzs-case-offer="${caseId}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-from')).toBe('in-review');
    expect(await offer.getAttribute('data-to')).toBe('needs-correction');
    // A script's click (not a person's) does nothing; nor does showing the offer.
    await offer.locator('[data-jzs-action="update-case"]').evaluate((b: HTMLButtonElement) => b.click());
    expect((await stored()).status).toBe('in-review');
    await offer.locator('[data-jzs-action="update-case"]').click();
    await panel.locator(`[data-jzs-case-updated="${caseId}"]`).waitFor();
    const after = await stored();
    expect(after.status).toBe('needs-correction');
    expect(after.portal?.serial).toBe('370100202611030087');
    await portal.close();
    // 办件详情 in the panel: its 补正意见 recorded on the same case, on the click.
    const detail = await s.open('zwdt-application-detail');
    const detailPanel = await panelFrame(detail);
    const again = detailPanel.locator(`[data-jzs-case-offer="${caseId}"]`);
    await again.waitFor();
    expect((await stored()).correction).toBeUndefined();
    await again.locator('[data-jzs-action="update-case"]').click();
    await detailPanel.locator(`[data-jzs-case-updated="${caseId}"]`).waitFor();
    expect((await stored()).correction?.text).toBe('解聘证明日期早于注册证书签发日期，请核实后重新上传解聘证明。');
    // Nothing was asked for outside the replicas.
    expect(s.requests.filter((r) => r.outcome === 'aborted')).toEqual([]);
    await detail.close();
  });
});
