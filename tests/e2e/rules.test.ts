import { describe, expect, it } from 'vitest';
import { BUSINESS_IDS } from '../../src/domain/ids';
import { BUNDLED_PACK_DATA, bundledPack } from '../../src/rules/bundled';
import { plusDays, todayInShanghai } from '../../src/domain/calendar';
import { panelFrame, sendFrom, stopServiceWorker, workerStartTime } from './harness';
import { browserPerFile } from './per-file';

const pack = bundledPack();

describe('rules in the browser', () => {
  const s = browserPerFile();

  for (const business of BUSINESS_IDS) {
    it(`checklist.html?business=${business} shows every material of the rule data`, async () => {
      const page = await s.openExtensionPage(`checklist.html?business=${business}`);
      const rules = pack.businesses.find((b) => b.id === business)!;
      const expected = rules.materials.flatMap((m) => [m, ...(m.subItems ?? [])]);
      await page.locator('[data-jzs-material]').first().waitFor();
      const shown = await page.locator('[data-jzs-material]').evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-jzs-material'), e.getAttribute('data-status'), e.querySelector('.name')?.textContent]),
      );
      expect(shown.map((x) => x[0])).toEqual(expected.map((m) => m.id));
      expect(shown.map((x) => x[2])).toEqual(expected.map((m) => m.name));
      // Conditional items are not needed until their situation is set — except the alternatives of a one-of
      // requirement (注销: 高级别考试合格证 or 解聘证明), missing until a reason is chosen.
      const oneOf = new Set(pack.conditions.filter((c) => c.oneOf).map((c) => c.id));
      for (const [id, status] of shown) {
        const m = expected.find((x) => x.id === id)!;
        const alternative = m.condition !== undefined && oneOf.has(m.condition);
        expect(status, id!).toBe(m.requirement === 'conditional' && !alternative ? 'not-needed' : 'missing');
      }
      // Every 说明 is printed in full, with the steps and the offices.
      const text = await page.locator('.sheet').innerText();
      for (const m of expected) expect(text.replace(/\s/g, '')).toContain(m.note.replace(/\s/g, ''));
      expect(await page.locator('[data-jzs-step]').count()).toBe(rules.steps.length);
      expect(text).toContain('61378805');
      // The footer names the pack once, with its start and last-checked dates.
      const footer = await page.locator('footer.sources').innerText();
      expect(footer.split(pack.version).length - 1).toBe(1);
      expect(footer).toContain(pack.lastVerified);
      await page.close();
    });
  }

  it('prints the applicant name and honours the situations given in the address', async () => {
    const page = await s.openExtensionPage('checklist.html?business=change&conditions=company-renamed&name=%E5%BC%A0%E4%B8%89');
    await page.locator('[data-jzs-material="business-license"]').waitFor();
    expect(await page.locator('[data-jzs-applicant-name]').textContent()).toBe('张三');
    expect(await page.getAttribute('[data-jzs-material="business-license"]', 'data-status')).toBe('missing');
    expect(await page.getAttribute('[data-jzs-material="labor-contract"]', 'data-status')).toBe('not-needed');
    // A4 print styles exist and hide the toolbar when printing.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    await page.close();
  });

  it('without a business in the address it asks to choose one (no error); an unknown one is named as unknown', async () => {
    const page = await s.openExtensionPage('checklist.html');
    await page.locator('[data-jzs-choose-business]').waitFor();
    expect(await page.locator('.error').count()).toBe(0);
    await page.locator('[data-jzs-business-select]').selectOption('renewal');
    await page.locator('[data-jzs-material]').first().waitFor();
    expect(await page.locator('[data-jzs-choose-business]').count()).toBe(0);
    await page.goto(page.url().replace(/\?.*$/, '?business=foo'));
    await expect.poll(() => page.locator('.error').textContent()).toContain('foo');
    // A profile link cut short or typed by hand: the checklist shows, and the error says the profile is not there.
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000']) {
      await page.goto(page.url().replace(/\?.*$/, `?business=change&profile=${id}`));
      await page.locator('[data-jzs-material]').first().waitFor();
      await expect.poll(() => page.locator('.error').textContent()).toContain('找不到这份档案');
    }
    await page.close();
  });

  it('注销 without a reason chosen is not complete; the reasons are radio buttons (one at a time)', async () => {
    const page = await s.openExtensionPage('checklist.html?business=cancel');
    await page.locator('[data-jzs-material="other-materials"]').waitFor();
    // Everything but the reason's document is ready.
    const ready = ['application-form', 'id-card', 'cancellation-statement', 'registration-certificate', 'higher-qualification-certificate'];
    const progress = { business: 'cancel', status: 'preparing', conditions: [], ready, updatedAt: new Date().toISOString() };
    const p = await sendFrom<{ id: string }>(page, 'ui:profiles.create', { body: { data: { name: '王五' }, businesses: [progress], notes: '' } });
    await page.goto(page.url().replace(/\?.*$/, `?business=cancel&profile=${p.id}`));
    await page.locator('[data-jzs-applicant-name]', { hasText: '王五' }).waitFor();
    const status = (id: string) => page.getAttribute(`[data-jzs-material="${id}"]`, 'data-status');
    const complete = () => page.getAttribute('[data-jzs-checklist]', 'data-complete');
    await expect.poll(() => status('application-form')).toBe('done');
    // No reason chosen: both alternatives are needed; the unready one keeps 其它材料 and the list open.
    expect(await status('higher-qualification-certificate')).toBe('done');
    expect(await status('dismissal-certificate')).toBe('missing');
    expect(await status('other-materials')).toBe('missing');
    expect(await complete()).toBe('false');
    const higher = page.locator('[data-jzs-condition="cancel-higher-qualification"]');
    const dismissed = page.locator('[data-jzs-condition="cancel-dismissed"]');
    expect(await higher.getAttribute('type')).toBe('radio');
    await dismissed.check();
    await expect.poll(() => status('higher-qualification-certificate')).toBe('not-needed');
    expect(await status('dismissal-certificate')).toBe('missing');
    expect(await complete()).toBe('false');
    await higher.check();
    await expect.poll(() => status('dismissal-certificate')).toBe('not-needed');
    expect(await dismissed.isChecked()).toBe(false);
    expect(await status('other-materials')).toBe('done');
    expect(await complete()).toBe('true');
    await sendFrom(page, 'ui:profiles.delete', { ids: [p.id] });
    await page.close();
  });

  it('初始 with a different exam employer lists the previous employer\'s 解聘证明 as required', async () => {
    const page = await s.openExtensionPage('checklist.html?business=initial');
    const item = page.locator('[data-jzs-material="dismissal-certificate"]');
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('not-needed');
    await page.locator('[data-jzs-condition="exam-employer-differs"]').check();
    await expect.poll(() => item.getAttribute('data-status')).toBe('missing');
    expect(await item.locator('.name').textContent()).toBe('解聘证明');
    await expect.poll(() => page.url()).toContain('conditions=exam-employer-differs');
    await page.close();
  });

  it('变更 + 单位更名 raises no contract or 解聘 error in the panel', async () => {
    const page = await s.open('province-declaration-change');
    const overlay = await panelFrame(page);
    await overlay.locator('[data-jzs-condition="company-renamed"]').waitFor();
    const type = async (selector: string, text: string) => {
      const input = page.locator(selector);
      await input.click();
      await input.fill(text);
      await input.press('Tab');
    };
    await type('#zczsqfrq', '2024-05-01'); // 注册证书签发日期
    await type('#jprq', '2024-04-01'); // 解聘日期: before the certificate
    await type('#htks', '2024-03-01'); // 合同开始: before the dismissal
    await type('#htjs', plusDays(todayInShanghai(new Date()), 100)); // 合同截止: less than a year
    const severity = (key: string) => page.locator(`[data-jzs-field="${key}"]`).getAttribute('data-severity');
    await expect.poll(() => severity('contractEnd')).toBe('error');
    expect(await severity('dismissalDate')).toBe('error');
    expect(await severity('contractStart')).toBe('error');
    await overlay.locator('[data-jzs-condition="company-renamed"]').check();
    await expect.poll(() => severity('contractEnd')).toBe('ok');
    expect(await severity('dismissalDate')).toBe('ok');
    expect(await severity('contractStart')).toBe('ok');
    expect(await overlay.locator('[data-jzs-validation-summary]').getAttribute('data-errors')).toBe('0');
    // Not-needed items never show 必需.
    for (const id of ['labor-contract', 'dismissal-certificate']) {
      const item = overlay.locator(`[data-jzs-material="${id}"]`);
      expect(await item.getAttribute('data-status')).toBe('not-needed');
      expect(await item.locator('.item-head').textContent()).not.toContain('必需');
    }
    await page.close();
  });

  it('popup look-up: pick a business, read its materials, toggle a situation', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-business-select]').selectOption('change');
    await popup.locator('[data-jzs-material="dismissal-certificate"]').waitFor();
    expect(await popup.locator('[data-jzs-material="dismissal-certificate"] .note').textContent()).toContain('解聘证明日期要在注册证书签发日期之后');
    await popup.locator('[data-jzs-condition="company-renamed"]').check();
    await expect.poll(() => popup.getAttribute('[data-jzs-material="dismissal-certificate"]', 'data-status')).toBe('not-needed');
    expect(await popup.getAttribute('[data-jzs-material="legal-representative-video"]', 'data-status')).toBe('missing');
    await popup.close();
  });

  it('the panel on the 网厅 upload step marks materials the page already holds, and follows a new upload', async () => {
    const page = await s.open('zwdt-declaration-initial');
    const overlay = await panelFrame(page);
    await overlay.locator('[data-jzs-material="id-card"]').waitFor();
    const status = (id: string) => overlay.locator(`[data-jzs-material="${id}"]`).getAttribute('data-status');
    expect(await status('id-card')).toBe('done');
    expect(await status('labor-contract')).toBe('missing');
    expect(await status('retirement-certificate')).toBe('not-needed');
    await page
      .locator('tr[data-materialguid="m04"] input[type=file]')
      .setInputFiles({ name: '劳动合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => status('labor-contract')).toBe('done');
    expect(await overlay.locator('[data-jzs-progress]').textContent()).toContain('2/6');
    await page.close();
  });

  it('the panel on 一窗受理 reads the material grid (收取 ticks and attachments)', async () => {
    const page = await s.open('zwfw-audit-project');
    const overlay = await panelFrame(page);
    await overlay.locator('[data-jzs-material="application-form"]').waitFor();
    const status = (id: string) => overlay.locator(`[data-jzs-material="${id}"]`).getAttribute('data-status');
    expect(await status('application-form')).toBe('done');
    expect(await status('id-card')).toBe('done');
    expect(await status('registration-certificate')).toBe('missing');
    await page.close();
  });

  it('answers the next message after the service worker was stopped', async () => {
    const before = await workerStartTime(s);
    await stopServiceWorker(s);
    // The next page load messages a worker that has to start again from nothing.
    const page = await s.open('province-declaration-renewal');
    const overlay = await panelFrame(page);
    await overlay.locator('[data-jzs-material="labor-contract"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-jzs-overlay]').getAttribute('data-business')).toBe('renewal');
    expect(await workerStartTime(s)).toBeGreaterThan(before);
    await page.close();
  });

  it('rule pack import: an invalid file shows a Chinese error with the path and the old pack stays', async () => {
    const options = await s.openExtensionPage('options.html');
    const panel = options.locator('[data-jzs-rule-pack]');
    await panel.locator(`[data-jzs-pack-version="${pack.version}"][data-jzs-pack-source="bundled"]`).waitFor();
    const bad = structuredClone(BUNDLED_PACK_DATA) as { version: string; businesses: Array<{ materials: Array<Record<string, unknown>> }> };
    bad.version = '1.2.0';
    bad.businesses[1]!.materials[2]!.requirment = 'required';
    await panel.locator('[data-jzs-pack-file]').setInputFiles({ name: 'rules-1.2.0.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const error = panel.locator('[data-jzs-pack-message="error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('businesses[1]（renewal）.materials[2]（labor-contract）');
    expect(await error.textContent()).toContain('未导入');
    expect(await panel.locator('[data-jzs-pack-version]').getAttribute('data-jzs-pack-version')).toBe(pack.version);

    // A valid newer pack is taken and serves the pages; revert brings back the bundle.
    const good = structuredClone(BUNDLED_PACK_DATA) as { version: string; businesses: Array<{ id: string; materials: Array<{ id: string; note: string }> }> };
    good.version = '1.2.0';
    good.businesses.find((b) => b.id === 'renewal')!.materials.find((m) => m.id === 'labor-contract')!.note = '2027年起：劳动合同须满两年（测试用规则包）。';
    await panel.locator('[data-jzs-pack-file]').setInputFiles({ name: 'rules-1.2.0.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await panel.locator('[data-jzs-pack-version="1.2.0"][data-jzs-pack-source="imported"]').waitFor();
    const portal = await s.open('province-declaration-renewal');
    const portalPanel = await panelFrame(portal);
    await portalPanel.locator('[data-jzs-material="labor-contract"]').waitFor();
    expect(await portalPanel.locator('[data-jzs-material="labor-contract"] .note').textContent()).toContain('测试用规则包');
    await portal.close();
    await panel.locator('[data-jzs-action="revert-pack"]').click();
    await panel.locator(`[data-jzs-pack-version="${pack.version}"][data-jzs-pack-source="bundled"]`).waitFor();
    await options.close();
  });
});
