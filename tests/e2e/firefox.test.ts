/**
 * The Firefox build in Firefox (ESR, WebDriver BiDi): what the Chromium tests cannot show — Firefox's own
 * rules for an extension frame inside a web page (only the content-script APIs), host match patterns that
 * ignore the port, and the confirm bound by the content script's nonce instead of a documentId.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { checkCharacter } from '../../src/validate/id-number';
import { ZHANG } from '../helpers/applicants';
import { toBackup } from '../../src/profiles/io/export';
import type { Profile } from '../../src/profiles/schema';
import { buildXlsx } from '../helpers/xlsx-builder';
import { EXTENSION_UUID, type FirefoxSession, firefoxPanel, launchFirefox, sendFromFrame } from './firefox-harness';


/** The provincial portal's host on a port that is not the portal's (Firefox's match patterns cannot tell them apart). */
const STAND_IN_ORIGIN = `http://${new URL(replica('province-basic-info').url).hostname}:8081`;

/** Files of a Firefox profile that hold `needle` as bytes (the extension's IndexedDB lives in storage/default/). */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const st = (() => {
        try {
          return statSync(p);
        } catch {
          return undefined; // a lock file gone meanwhile
        }
      })();
      if (st?.isDirectory()) walk(p);
      else if (st && readFileSync(p).includes(Buffer.from(needle))) hits.push(p.slice(dir.length));
    }
  };
  walk(dir);
  return hits;
}

const value = (page: Page | Frame, selector: string) => page.$eval(selector, (e) => (e instanceof HTMLInputElement ? e.value : ''));

describe('the Firefox build in Firefox', () => {
  let ff: FirefoxSession;
  let profileId = '';

  /** Opens a replica in a new tab and waits for our overlay to have the page's rules. */
  async function open(name: string): Promise<Page> {
    const page = await ff.newPage();
    await page.goto(replica(name).url, { waitUntil: 'load' });
    await page.waitForSelector('[data-jzs-overlay][data-rules]', { timeout: 15_000 });
    return page;
  }
  /**
   * A person's click (the mouse at the element's centre) on an element of the panel frame. Puppeteer's own
   * `click()` clips the element to each parent document's `documentElement.clientWidth`, which in a quirks-mode
   * page (the provincial pages) is <html>'s own box — narrowed by the panel's shift — so it finds a panel docked
   * beside the shifted page "not clickable", though a person clicks it.
   */
  async function clickInPanel(page: Page, panel: Frame, selector: string): Promise<void> {
    const handle = await panel.waitForSelector(selector);
    await handle?.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const box = await handle?.boundingBox();
    if (!box) throw new Error(`${selector}: not shown`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** A person's clicks on 用档案填写本页 then 确认填写 in the panel; returns the panel and its results. */
  async function fillFromPanel(page: Page, between?: () => Promise<void>) {
    let panel = await firefoxPanel(page);
    await clickInPanel(page, panel, '[data-jzs-action="fill"]');
    await panel.waitForSelector('[data-jzs-fill-preview]');
    if (between) {
      await between();
      panel = await firefoxPanel(page);
    }
    await clickInPanel(page, panel, '[data-jzs-action="confirm-fill"]');
    const results = await panel.waitForSelector('[data-jzs-fill-results]');
    const attr = (n: string) => results?.evaluate((e, name) => e.getAttribute(name), n);
    return { panel, ok: Number(await attr('data-ok')), failed: Number(await attr('data-failed')), mismatch: Number(await attr('data-mismatch')), navigated: await attr('data-navigated') };
  }

  /** An extension page opened as a tab from the panel frame (BiDi may not navigate to moz-extension:// itself). */
  async function openFromPanel(page: Page, path: string, session: FirefoxSession = ff): Promise<Page> {
    const panel = await firefoxPanel(page);
    const opened = new Promise<Page | null>((res) => session.browser.once('targetcreated', (t: { page(): Promise<Page | null> }) => void t.page().then(res)));
    await panel.evaluate((p: string) => void window.open(p, '_blank'), path);
    const ext = await opened;
    if (!ext) throw new Error(`${path} did not open`);
    return ext;
  }

  beforeAll(async () => {
    ff = await launchFirefox();
    // The applicant is created through the extension's own messages, from the panel frame (an extension page).
    const page = await open('province-basic-info');
    const panel = await firefoxPanel(page);
    profileId = (await sendFromFrame<{ id: string }>(panel, 'ui:profiles.create', { body: { data: ZHANG } })).id;
    await sendFromFrame(panel, 'ui:active.set', { id: profileId });
    await page.close();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('contract: on a fresh page the panel frame holds the checklist and the fill button without any click', async () => {
    for (const name of ['zwdt-declaration-initial', 'province-declaration-initial']) {
      const page = await open(name);
      const panel = await firefoxPanel(page);
      expect(await panel.evaluate(() => location.href), name).toContain(`moz-extension://${EXTENSION_UUID}/panel.html`);
      await panel.waitForSelector('[data-jzs-action="fill"]', { visible: true });
      await panel.waitForSelector('[data-jzs-material]');
      expect(await panel.$$eval('[data-jzs-material]', (els) => els.length), name).toBeGreaterThan(0);
      await page.close();
    }
  });

  it("the validators are not in the content script: the background injects them (scripting.executeScript with their file) and a wrong ID check digit is flagged beside the field", async () => {
    const page = await open('province-basic-info');
    await page.$eval('#txtZjhm', (e) => void ((e as HTMLInputElement).value = ''));
    await page.type('#txtZjhm', '370102199001011237');
    const hint = await page.waitForSelector('[data-jzs-field="idNumber"][data-severity="error"]', { timeout: 15_000 });
    expect(await hint?.evaluate((h) => h.textContent)).toContain('校验位错误');
    await page.close();
  });

  it('办件详情: the panel frame reads the page\'s 办件 itself (status, the 补正意见 and the material it names first; the reader is not in the content script)', async () => {
    const page = await open('zwdt-application-detail');
    const panel = await firefoxPanel(page);
    await panel.waitForSelector('[data-jzs-guidance="case"][data-case-status="needs-correction"]', { timeout: 15_000 });
    expect(await panel.$eval('[data-jzs-correction]', (e) => e.textContent)).toContain('解聘证明日期早于注册证书签发日期');
    await panel.waitForSelector('.materials > [data-jzs-material]');
    expect(await panel.$eval('.materials > [data-jzs-material]', (e) => e.getAttribute('data-jzs-material'))).toBe('dismissal-certificate');
    await page.close();
  });

  it("a fill from the panel is previewed, confirmed and read back (the framed panel has no scripting API: the background confirms)", async () => {
    const page = await open('province-basic-info');
    const r = await fillFromPanel(page);
    expect([r.failed, r.mismatch, r.navigated]).toEqual([0, 0, 'false']);
    expect(r.ok).toBeGreaterThanOrEqual(10);
    expect([await value(page, '#txtXm'), await value(page, '#txtZjhm'), await value(page, '#txtSjhm'), await value(page, '#txtByyx')]).toEqual([
      ZHANG.name, ZHANG.idNumber, ZHANG.mobile, ZHANG.school,
    ]);
    const [entry] = await sendFromFrame<Array<{ ok: number; navigated: boolean }>>(r.panel, 'ui:fill.log', { profileId });
    expect(entry).toMatchObject({ ok: r.ok, navigated: false });
    await page.close();
  });

  it('work the background holds while the clerk decides outlives Firefox suspending an idle background: a fill preview in the panel, a backup restore under review', async () => {
    // Firefox suspends an idle event page after 30 s; here after 12 s, and the clerk reads for 14 s.
    const slow = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 12_000 } });
    const dir = mkdtempSync(join(tmpdir(), 'jzs-ff-backup-'));
    try {
      const page = await slow.newPage();
      await page.goto(replica('province-basic-info').url, { waitUntil: 'load' });
      let panel = await firefoxPanel(page);
      const p = await sendFromFrame<{ id: string }>(panel, 'ui:profiles.create', { body: { data: ZHANG } });
      const other = await sendFromFrame<{ id: string }>(panel, 'ui:profiles.create', { body: { data: { name: '李四' } } });
      await sendFromFrame(panel, 'ui:active.set', { id: p.id });
      // A backup of both, then 李四 deleted: restoring it brings 李四 back.
      const file = join(dir, 'backup.json');
      writeFileSync(file, toBackup(await sendFromFrame<Profile[]>(panel, 'ui:profiles.all', {}), new Date(), []));
      await sendFromFrame(panel, 'ui:profiles.delete', { ids: [other.id] });
      // One at a time, so that each keeps the background awake on its own.
      const bench = await openFromPanel(page, '/options.html', slow);
      await (await bench.waitForSelector('input[data-jzs-restore]'))?.uploadFile(file);
      await bench.waitForSelector('[data-jzs-restore-preview]');
      await new Promise((res) => setTimeout(res, 14_000));
      await (await bench.waitForSelector('[data-jzs-action="confirm-restore"]'))?.click();
      await bench.waitForSelector('[data-jzs-export-message="ok"]');
      const names = (await sendFromFrame<Profile[]>(bench.mainFrame(), 'ui:profiles.all', {})).map((x) => x.data.name).sort();
      expect(names).toEqual([ZHANG.name, '李四'].sort());
      await bench.close();

      await page.reload({ waitUntil: 'load' });
      panel = await firefoxPanel(page);
      await clickInPanel(page, panel, '[data-jzs-action="fill"]');
      await panel.waitForSelector('[data-jzs-fill-preview]');
      await new Promise((res) => setTimeout(res, 14_000));
      await clickInPanel(page, panel, '[data-jzs-action="confirm-fill"]');
      const results = await panel.waitForSelector('[data-jzs-fill-results]');
      expect(await results?.evaluate((e) => [e.getAttribute('data-failed'), e.getAttribute('data-navigated')])).toEqual(['0', 'false']);
      expect(await value(page, '#txtZjhm')).toBe(ZHANG.idNumber);
    } finally {
      await slow.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Jinan: MiniUI fields in the page and in its e-form iframe are written through the pages\' own controls', async () => {
    const page = await open('zwdt-declaration-initial');
    const eform = page.frames().find((f) => f.url() === replica('zwdt-eform-initial').url);
    expect(eform).toBeDefined();
    if (!eform) return;
    await eform.waitForSelector('[data-jzs-overlay][data-rules]', { timeout: 15_000 });
    const r = await fillFromPanel(page);
    expect([r.failed, r.mismatch]).toEqual([0, 0]);
    const mini = (frame: Frame, ids: string[]) =>
      frame.evaluate((list: string[]) => {
        const m = (window as unknown as { mini: { get(id: string): { getValue(): unknown; getText?(): string } | undefined } }).mini;
        return list.map((id) => String(m.get(id)?.getValue() ?? ''));
      }, ids);
    expect(await mini(page.mainFrame(), ['applyername', 'certnum', 'contactemail'])).toEqual([ZHANG.name, ZHANG.idNumber, ZHANG.email]);
    expect(await mini(eform, ['EJJZS_ZCSQ_XM', 'EJJZS_ZCSQ_SFZH', 'EJJZS_ZCSQ_BYYX', 'EJJZS_ZCSQ_XB'])).toEqual([ZHANG.name, ZHANG.idNumber, ZHANG.school, '1']);
    await page.close();
  });

  it("an e-form iframe reloaded between preview and confirm gets nothing written (Firefox: the content script's nonce); the page around it is filled", async () => {
    const page = await open('zwdt-declaration-initial');
    const eformOf = () => page.frames().find((f) => f.url() === replica('zwdt-eform-initial').url);
    await eformOf()?.waitForSelector('[data-jzs-overlay][data-rules]', { timeout: 15_000 });
    const r = await fillFromPanel(page, async () => {
      // Only the iframe loads a new document, at the same address; the panel (in the top frame) stays.
      await eformOf()?.evaluate(() => location.reload());
      await new Promise((res) => setTimeout(res, 300));
      await eformOf()?.waitForSelector('[data-jzs-overlay][data-rules]', { timeout: 15_000 });
    });
    expect(r.navigated).toBe('true');
    const eform = eformOf();
    expect(eform).toBeDefined();
    if (!eform) return;
    expect(await eform.evaluate(() => String((window as unknown as { mini: { get(id: string): { getValue(): unknown } } }).mini.get('EJJZS_ZCSQ_XM').getValue()))).toBe('');
    expect(await page.evaluate(() => String((window as unknown as { mini: { get(id: string): { getValue(): unknown } } }).mini.get('applyername').getValue()))).toBe(ZHANG.name);
    expect(await r.panel.$eval('[data-jzs-fill-navigated]', (e) => e.textContent)).toContain('没有写入任何内容');
    await page.close();
  });

  it('a fill from the popup (a top-level extension page: it scripts the tab itself, bound by the nonce) is confirmed and read back', async () => {
    const page = await open('province-basic-info');
    const popup = await openFromPanel(page, '/popup.html');
    await (await popup.waitForSelector('[data-jzs-action="fill"]'))?.click();
    await popup.waitForSelector('[data-jzs-fill-preview]');
    await (await popup.waitForSelector('[data-jzs-action="confirm-fill"]'))?.click();
    const results = await popup.waitForSelector('[data-jzs-fill-results]');
    expect(await results?.evaluate((e) => [e.getAttribute('data-failed'), e.getAttribute('data-mismatch'), e.getAttribute('data-navigated')])).toEqual(['0', '0', 'false']);
    expect([await value(page, '#txtXm'), await value(page, '#txtZjhm')]).toEqual([ZHANG.name, ZHANG.idNumber]);
    await popup.close();
    await page.close();
  });

  it("the workbench, opened from the panel: a clerk's workbook (title row, merged employer cells) is read by the file worker and imported", async () => {
    const page = await open('province-basic-info');
    const bench = await openFromPanel(page, '/options.html');
    await bench.waitForSelector('[data-jzs-profile-count]');
    const id = (birth: string, seq: number) => {
      const first17 = `370102${birth}${String(seq).padStart(3, '0')}`;
      return first17 + checkCharacter(first17);
    };
    const dir = mkdtempSync(join(tmpdir(), 'jzs-ff-'));
    const file = join(dir, '花名册.xlsx');
    writeFileSync(
      file,
      buildXlsx({
        rows: [
          ['济南某某建设集团二级建造师花名册'],
          ['序号', '姓名', '身份证号码', '工作单位', '劳动合同起止日期'],
          [{ n: 1 }, '赵甲', id('19850302', 21), '甲建设有限公司', '2019.6.4-2025.6.4'],
          [{ n: 2 }, '钱乙', id('19900715', 22), null, '2022年10月3日至2028年10月3日'],
          [{ n: 3 }, '孙丙', id('19791201', 23), '乙工程有限公司', '2020-01-01至无固定期限'],
        ],
        merges: ['A1:E1', 'D3:D4'],
      }),
    );
    try {
      await (await bench.waitForSelector('input[data-jzs-import]'))?.uploadFile(file);
      await bench.waitForSelector('[data-jzs-import-preview]');
      await (await bench.waitForSelector('[data-jzs-action="confirm-import"]'))?.click();
      await bench.waitForSelector('[data-jzs-import-report][data-imported="3"][data-rejected="0"]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const all = await sendFromFrame<Array<{ data: Record<string, unknown> }>>(bench.mainFrame(), 'ui:profiles.all', {});
    const employer = Object.fromEntries(all.map((p) => [p.data.name, p.data.employerName]));
    expect(employer).toMatchObject({ 赵甲: '甲建设有限公司', 钱乙: '甲建设有限公司', 孙丙: '乙工程有限公司' });
    await bench.close();
    await page.close();
  });

  it('the lock in Firefox: the ID number is in the IndexedDB files while the lock is off, nowhere once it is on, and opens with the passphrase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jzs-ff-profile-'));
    const SECRET = '370102198001011238';
    const LATER = '110105198806150030';
    const PASS = 'correct horse battery staple 42';
    /** A browser on this profile, a portal page and its panel (an extension page to send from). */
    const session = async () => {
      const b = await launchFirefox({ profileDir: dir });
      const p = await b.newPage();
      await p.goto(replica('province-basic-info').url, { waitUntil: 'load' });
      return { b, panel: await firefoxPanel(p) };
    };
    try {
      let { b, panel } = await session();
      await sendFromFrame(panel, 'ui:profiles.create', { body: { data: { name: '测试', idNumber: SECRET } } });
      // The control: the scan sees the number stored in the clear once the database has written it out — at the
      // latest when the browser closes (a loaded machine's Firefox may hold it in memory past the poll).
      const inIdb = () => filesContaining(dir, SECRET).some((f) => f.includes('/idb/'));
      for (let i = 0; i < 100 && !inIdb(); i++) await new Promise((res) => setTimeout(res, 100));
      await b.close();
      expect(inIdb()).toBe(true);

      ({ b, panel } = await session());
      await sendFromFrame(panel, 'ui:lock.enable', { passphrase: PASS, idleMinutes: 15 });
      await sendFromFrame(panel, 'ui:profiles.create', { body: { data: { name: '测试二', idNumber: LATER } } });
      await b.close();
      expect(filesContaining(dir, SECRET)).toEqual([]);
      expect(filesContaining(dir, LATER)).toEqual([]);

      // A new browser session starts locked; the passphrase opens both.
      ({ b, panel } = await session());
      expect(await sendFromFrame(panel, 'ui:lock.status', {})).toMatchObject({ enabled: true, locked: true });
      await sendFromFrame(panel, 'ui:lock.unlock', { passphrase: PASS });
      const ids = (await sendFromFrame<Array<{ data: { idNumber: string } }>>(panel, 'ui:profiles.all', {})).map((p) => p.data.idNumber).sort();
      expect(ids).toEqual([LATER, SECRET].sort());
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Firefox matches a portal host on any port: a page of the same host on another port gets no overlay (the port is checked in code)', async () => {
    const other = `${STAND_IN_ORIGIN}${new URL(replica('province-basic-info').url).pathname}`;
    ff.serve(other, replica('province-basic-info').file);
    const page = await ff.newPage();
    await page.goto(other, { waitUntil: 'load' });
    // The same page at the portal's own port, opened after it, gets its overlay: by then the other has had its chance.
    const control = await open('province-basic-info');
    await control.close();
    expect(await page.$$eval('[data-jzs-overlay], [data-jzs-field]', (els) => els.length)).toBe(0);
    expect(page.frames()).toHaveLength(1);
    await page.close();
  });

  it('nothing left the machine: every request any page made was answered from a replica or the extension itself', () => {
    // Aborted: only the stand-in page's own style and script (the host on another port, which no replica serves).
    const elsewhere = ff.requests.filter((r) => r.outcome === 'aborted' && !r.url.startsWith(`${STAND_IN_ORIGIN}/`)).map((r) => r.url);
    expect(elsewhere).toEqual([]);
    expect(ff.requests.filter((r) => r.outcome === 'replica').length).toBeGreaterThan(5);
  });
});
