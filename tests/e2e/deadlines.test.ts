import { beforeAll, describe, expect, it } from 'vitest';
import { plusDays, plusYears, todayInShanghai } from '../../src/domain/calendar';
import { sendFrom } from './harness';
import { browserPerFile } from './per-file';

describe('deadline view and badge', () => {
  const s = browserPerFile();
  const ids: Record<string, string> = {};
  const today = todayInShanghai(new Date());
  beforeAll(async () => {
    const bench = await s.openExtensionPage('options.html');
    const people = [
      ['远', plusDays(today, 200), '甲公司'],
      ['近', plusDays(today, 40), '乙公司'],
      ['急', plusDays(today, 12), '甲公司'],
    ] as const;
    for (const [name, registrationExpiry, employerName] of people) {
      const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name, registrationExpiry, employerName } } });
      await sendFrom(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' });
      ids[name] = p.id;
    }
    await bench.close();
  });

  it('orders three applicants by urgency, with the dates contract.md gives each kind', async () => {
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-deadline-horizon]').selectOption('365');
    await expect.poll(() => bench.locator('[data-jzs-deadline]').count()).toBe(6);
    const rows = await bench.locator('[data-jzs-deadline]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-date'), e.getAttribute('data-profile')]));
    expect(rows).toEqual([
      ['renewal-window', plusDays(today, 12 - 30), ids['急']],
      ['renewal-window', plusDays(today, 40 - 30), ids['近']],
      ['registration-expiry', plusDays(today, 12), ids['急']],
      ['registration-expiry', plusDays(today, 40), ids['近']],
      ['renewal-window', plusDays(today, 200 - 30), ids['远']],
      ['registration-expiry', plusDays(today, 200), ids['远']],
    ]);
    await bench.locator('[data-jzs-deadline-employer]').selectOption('甲公司');
    await expect.poll(() => bench.locator('[data-jzs-deadline]').count()).toBe(4);
    expect(await bench.locator(`[data-jzs-deadline][data-profile="${ids['近']}"]`).count()).toBe(0);
    await bench.close();
  });

  it('shows on the toolbar badge how many fall within 30 days, a count and never a name', async () => {
    const page = await s.openExtensionPage('options.html');
    const badge = () => page.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
    // 急: renewal window passed + expiry in 12 days; 近: renewal window in 10 days.
    await expect.poll(badge).toBe('3');
    // An import (staged, then committed) recounts at once: 两 expires in 5 days (expiry + passed renewal window).
    const session = crypto.randomUUID();
    const body = { data: { name: '两', registrationExpiry: plusDays(today, 5) } };
    await sendFrom(page, 'ui:import.stage', { session, total: 1, items: [{ kind: 'create', body }] });
    await sendFrom(page, 'ui:import.commit', { session });
    await expect.poll(badge, { timeout: 5000 }).toBe('5');
    const [made] = (await sendFrom<{ items: Array<{ id: string }> }>(page, 'ui:profiles.search', { query: '两', limit: 5 })).items;
    await sendFrom(page, 'ui:profiles.delete', { ids: [made!.id] });
    await expect.poll(badge, { timeout: 5000 }).toBe('3');
    await page.close();
  });

  it('says what a passed date means, and counts a 待补正 without a portal deadline as waiting, not overdue', async () => {
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-deadline-horizon]').selectOption('365');
    // 急's last filing day has passed (expiry in 12 days): no 延续 any more (153号令 第十二条).
    const passed = bench.locator(`[data-jzs-deadline][data-kind="renewal-window"][data-profile="${ids['急']}"]`);
    expect(await passed.locator('[data-jzs-deadline-after]').textContent()).toContain('不能再申请延续注册');
    expect(await bench.locator(`[data-jzs-deadline][data-profile="${ids['近']}"] [data-jzs-deadline-after]`).count()).toBe(0);
    const p = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '补' } } });
    const c = await sendFrom<{ id: string; revision: number }>(bench, 'ui:cases.create', { profileId: p.id, business: 'change' });
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: c.id, revision: c.revision }], patch: { status: 'needs-correction' } });
    await bench.reload();
    await bench.locator('[data-jzs-deadline-horizon]').selectOption('365');
    const row = bench.locator(`[data-jzs-deadline][data-kind="correction"][data-profile="${p.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-date')).toBe(today);
    const text = await row.textContent();
    expect(text).toContain('今天转为待补正');
    expect(text).toContain('门户未给出补正期限');
    expect(await row.getAttribute('class')).not.toContain('passed');
    // Approaching 65: the row says what the birthday means (超过65周岁 from the next day, 153号令 第十五条).
    const birthDate = plusYears(plusDays(today, 10), -65);
    const old = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body: { data: { name: '寿', birthDate } } });
    await bench.reload();
    const age = bench.locator(`[data-jzs-deadline][data-kind="age-65"][data-profile="${old.id}"]`);
    await age.waitFor();
    expect(await age.getAttribute('data-date')).toBe(plusYears(birthDate, 65)); // today + 10 days (28 Feb for a 29 Feb birthday)
    expect(await age.textContent()).toContain('年满65周岁（次日起不予注册）');
    expect(await age.locator('[data-jzs-deadline-after]').count()).toBe(0);
    // Planning to submit in 20 days: 近's last filing day (in 10 days) and 寿's 65th birthday come first.
    await bench.locator('[data-jzs-plan-date]').fill(plusDays(today, 20));
    const nearWindow = bench.locator(`[data-jzs-deadline][data-kind="renewal-window"][data-profile="${ids['近']}"] [data-jzs-deadline-after]`);
    await expect.poll(() => nearWindow.count()).toBe(1);
    expect(await nearWindow.textContent()).toContain('届时已不能申请延续注册');
    expect(await age.locator('[data-jzs-deadline-after]').textContent()).toContain('届时已超过65周岁');
    expect(await bench.locator(`[data-jzs-deadline][data-profile="${ids['远']}"] [data-jzs-deadline-after]`).count()).toBe(0);
    await bench.close();
  });
  it("a case's packet names its applicant's deadlines on the cover: a 延续 whose last filing day passed says so", async () => {
    const bench = await s.openExtensionPage('options.html');
    const [renewal] = await sendFrom<Array<{ id: string }>>(bench, 'ui:cases.ofProfile', { profileId: ids['急'] });
    const change = await sendFrom<{ id: string }>(bench, 'ui:cases.create', { profileId: ids['急'], business: 'change' });
    const sheet = await s.openExtensionPage(`checklist.html?cases=${renewal!.id},${change.id}`);
    const rows = async (id: string) => {
      const cell = sheet.locator(`[data-jzs-packet="${id}"] [data-jzs-packet-deadlines]`);
      await cell.waitFor();
      return cell.locator('[data-jzs-deadline]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-date')]));
    };
    // Only this applicant's dates (近's are in the same 90 days), the renewal window on the 延续's packet only.
    expect(await rows(renewal!.id)).toEqual([
      ['renewal-window', plusDays(today, 12 - 30)],
      ['registration-expiry', plusDays(today, 12)],
    ]);
    expect(await rows(change.id)).toEqual([['registration-expiry', plusDays(today, 12)]]);
    const passed = sheet.locator(`[data-jzs-packet="${renewal!.id}"] [data-jzs-deadline][data-kind="renewal-window"]`);
    expect(await passed.textContent()).toContain('已过最后申请日');
    expect(await passed.getAttribute('class')).toBe('warning');
    await sheet.close();
    await bench.close();
  });
});
