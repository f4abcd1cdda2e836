import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launch, panelFrame, ROOT, rulesIn, sendFrom } from './harness';
import { browserPerFile } from './per-file';

const PASS = 'correct horse battery';
/** A test ID number no other fixture uses, so finding its bytes on disk means this record. */
const SECRET_ID = '110105198806150022';

/** Files of the extension's IndexedDB in a browser profile (origin store and storage buckets). */
function idbFilesContaining(userDataDir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const f of entries) {
      const p = join(dir, f);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (readFileSync(p).includes(Buffer.from(needle))) hits.push(p.slice(userDataDir.length));
    }
  };
  walk(join(userDataDir, 'Default', 'IndexedDB'));
  walk(join(userDataDir, 'Default', 'WebStorage'));
  return hits;
}

async function enableLock(bench: Page): Promise<void> {
  await bench.locator('[data-jzs-lock-input="new"]').fill(PASS);
  await bench.locator('[data-jzs-lock-input="confirm"]').fill(PASS);
  await bench.locator('[data-jzs-action="enable-lock"]').click();
  await bench.locator('[data-jzs-lock-message="ok"]').waitFor({ timeout: 30_000 });
}

describe('the lock in the browser', () => {
  const s = browserPerFile();
  let bench: Page;
  beforeAll(async () => {
    bench = await s.openExtensionPage('options.html');
    await sendFrom(bench, 'ui:profiles.create', { body: { data: { name: '张三', idNumber: '370102199001011231', mobile: '13805310000' } } });
    const list = await sendFrom<{ items: Array<{ id: string }> }>(bench, 'ui:profiles.page', { offset: 0, limit: 1 });
    await sendFrom(bench, 'ui:active.set', { id: list.items[0]!.id });
    await bench.reload();
    await bench.locator('[data-jzs-lock-panel]').waitFor();
  });

  it('says plainly that a forgotten passphrase means the data is gone, and turns encryption on', async () => {
    expect(await bench.locator('[data-jzs-lock-warning]').textContent()).toContain('忘记口令，加密的档案将永远无法恢复');
    await enableLock(bench);
    expect(await bench.locator('[data-jzs-lock-panel]').getAttribute('data-enabled')).toBe('true');
    const status = await sendFrom<{ iterations: number }>(bench, 'ui:lock.status', {});
    expect(status.iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('locked: the popup shows only the unlock form; a wrong passphrase is refused; the right one opens', async () => {
    await sendFrom(bench, 'ui:lock.lock', {});
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-unlock]').waitFor();
    expect(await popup.locator('[data-jzs-profile]').count()).toBe(0);
    await expect(sendFrom(popup, 'ui:profiles.page', { offset: 0, limit: 5 })).rejects.toThrow('已锁定');
    await popup.locator('[data-jzs-passphrase]').fill('wrong passphrase');
    await popup.locator('[data-jzs-action="unlock"]').click();
    await popup.locator('[data-jzs-lock-error]').waitFor();
    expect(await popup.locator('[data-jzs-lock-error]').textContent()).toContain('口令不正确');
    await popup.locator('[data-jzs-passphrase]').fill(PASS);
    await popup.locator('[data-jzs-action="unlock"]').click();
    await popup.locator('[data-jzs-profile]').first().waitFor();
    expect(await popup.locator('[data-jzs-profile] .name').first().textContent()).toBe('张三');
    await popup.close();
  });

  it("locked: the printable checklist of an applicant asks for the passphrase, then prints the applicant's name; a plain look-up needs none", async () => {
    const list = await sendFrom<{ items: Array<{ id: string }> }>(bench, 'ui:profiles.page', { offset: 0, limit: 1 });
    const id = list.items[0]?.id ?? '';
    await sendFrom(bench, 'ui:lock.lock', {});
    const plain = await s.openExtensionPage('checklist.html?business=renewal');
    await plain.locator('[data-jzs-material]').first().waitFor();
    expect(await plain.locator('[data-jzs-unlock]').count()).toBe(0);
    await plain.close();
    const page = await s.openExtensionPage(`checklist.html?business=renewal&profile=${id}`);
    await page.locator('[data-jzs-unlock]').waitFor();
    expect(await page.locator('[data-jzs-material]').count()).toBe(0);
    await page.locator('[data-jzs-passphrase]').fill(PASS);
    await page.locator('[data-jzs-action="unlock"]').click();
    await expect.poll(() => page.locator('[data-jzs-applicant-name]').textContent()).toBe('张三');
    expect(await page.locator('.error').count()).toBe(0);
    await page.close();
  });

  it('while locked a fill is refused and the page gets nothing', async () => {
    await sendFrom(bench, 'ui:lock.lock', {});
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    await expect(sendFrom(bench, 'ui:fill.plan', {})).rejects.toThrow('已锁定');
    expect(await page.locator('#txtXm').inputValue()).toBe('');
    await page.close();
    await sendFrom(bench, 'ui:lock.unlock', { passphrase: PASS });
  });

  it('locks itself after the idle time', async () => {
    expect((await sendFrom<{ locked: boolean }>(bench, 'ui:lock.status', {})).locked).toBe(false);
    // Pretend the last activity was 20 minutes ago (the default idle time is 15).
    await bench.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
      await chrome.storage.session.set({ 'lock.lastActivity': Date.now() - 20 * 60_000 });
    });
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-unlock]').waitFor();
    await popup.close();
    await sendFrom(bench, 'ui:lock.unlock', { passphrase: PASS });
  });

  it('a portal page cannot message the extension at all', async () => {
    const page = await s.open('province-basic-info');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
    await page.close();
  });
});

describe('applicant data on disk', () => {
  it('is in the IndexedDB files in plain text while the lock is off, and nowhere once it is on', async () => {
    const s = await launch();
    const bench = await s.openExtensionPage('options.html');
    await sendFrom(bench, 'ui:profiles.create', { body: { data: { name: '测试', idNumber: SECRET_ID } } });
    await s.close({ keepProfile: true });
    // The control: the scan can see the number when it is stored in the clear.
    expect(idbFilesContaining(s.userDataDir, SECRET_ID).length).toBeGreaterThan(0);

    const again = await launch({ userDataDir: s.userDataDir });
    const page = await again.openExtensionPage('options.html');
    await page.locator('[data-jzs-lock-panel]').waitFor();
    await enableLock(page);
    expect((await sendFrom<Array<{ data: { idNumber: string } }>>(page, 'ui:profiles.all', {}))[0]!.data.idNumber).toBe(SECRET_ID);
    await again.close({ keepProfile: true });
    expect(idbFilesContaining(s.userDataDir, SECRET_ID)).toEqual([]);

    // And data written after the lock is on never reaches the disk in the clear either.
    const third = await launch({ userDataDir: s.userDataDir });
    const p3 = await third.openExtensionPage('options.html');
    await sendFrom(p3, 'ui:lock.unlock', { passphrase: PASS });
    await sendFrom(p3, 'ui:profiles.create', { body: { data: { name: '测试二', idNumber: '110105198806150030' } } });
    await third.close();
  });
});

describe('network', () => {
  const s = browserPerFile();

  it('during a whole session (import, look-up, fill) the extension makes zero network requests', async () => {
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-import]').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'applicants-gbk.csv')) });
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report]').waitFor();
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-search]').fill('zs');
    await popup.locator('[data-jzs-profile]').first().click();
    await popup.locator('[data-jzs-business-select]').selectOption('change');
    const checklist = await s.openExtensionPage('checklist.html?business=change');
    await checklist.locator('[data-jzs-material]').first().waitFor();
    const portal = await s.open('zwdt-declaration-initial');
    await rulesIn(portal);
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    await popup.locator('[data-jzs-fill-results]').waitFor();

    // Controls: requests made deliberately from an extension page and from the service worker are seen
    // (and aborted), so an extension request would not slip past the log.
    await bench.evaluate(() => fetch('http://probe.invalid/from-extension-page').catch(() => undefined));
    await s.context.serviceWorkers()[0]!.evaluate(() => fetch('http://probe.invalid/from-service-worker').catch(() => undefined));
    await expect.poll(() => s.requests.filter((r) => r.url.startsWith('http://probe.invalid/')).map((r) => `${r.by} ${r.outcome}`).sort()).toEqual([
      'extension-page aborted',
      'service-worker aborted',
    ]);
    const fromExtension = s.requests.filter((r) => (r.by === 'service-worker' || r.by === 'extension-page') && !r.url.startsWith('http://probe.invalid/'));
    expect(fromExtension.filter((r) => !r.url.startsWith('chrome-extension://'))).toEqual([]);
    // Portal pages only asked for their own replica files (and the home page's analytics, aborted).
    expect(s.requests.filter((r) => r.by === 'page' && r.outcome !== 'replica' && r.outcome !== 'extension')).toEqual([]);
  });

  it('no overlay offers a text field (a page script would see every key typed into it)', async () => {
    for (const name of ['province-basic-info', 'zwdt-declaration-initial', 'zwfw-audit-project']) {
      const page = await s.open(name);
      const overlay = page.locator('[data-jzs-overlay]').first();
      await rulesIn(page);
      // The fill preview is not in the overlay at all (it lives in extension pages, issue 12.1).
      expect(await page.locator('[data-jzs-overlay] [data-jzs-fill-preview], [data-jzs-overlay] [data-jzs-action="fill"]').count(), name).toBe(0);
      await panelFrame(page);
      const typeable = await overlay.evaluate((host) =>
        [...(host.shadowRoot?.querySelectorAll('input, textarea, select, [contenteditable]') ?? [])].filter(
          (el) => !(el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')),
        ).length,
      );
      expect(typeable, name).toBe(0);
      // Open, the page-visible host holds the panel's frame and nothing else: no button a page script could click.
      expect(await overlay.evaluate((host) => [...(host.shadowRoot?.children ?? [])].map((el) => el.localName)), name).toEqual(['iframe']);
      // Collapsed by the user, it holds the pill (the frame is gone): one button, which a page script's click
      // does not open (only a person's does).
      await (await panelFrame(page)).locator('[data-jzs-action="toggle"]').click();
      const ours = () => overlay.evaluate((host) => [...(host.shadowRoot?.querySelectorAll('button, input, select, textarea, a, iframe') ?? [])].map((el) => `${el.localName}:${el.getAttribute('data-jzs-action') ?? ''}`));
      await expect.poll(ours).toEqual(['button:expand']);
      await overlay.evaluate((host) => host.shadowRoot?.querySelector('button')?.click());
      await page.waitForTimeout(200);
      expect(await ours(), name).toEqual(['button:expand']);
      // A person's click opens it again (and it stays open for the next test).
      await page.locator('[data-jzs-overlay] [data-jzs-action="expand"]').click();
      await expect.poll(ours).toEqual(['iframe:']);
      await page.close();
    }
  });
});
