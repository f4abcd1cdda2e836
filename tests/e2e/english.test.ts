/**
 * English mode (issue 16 item 4): an English user sees no Chinese except data — names, addresses, rule texts
 * and source quotes, the 「中文」 language option — each inside an element marked `lang="zh-CN"`; and every
 * page says its language in `<html lang>`. Covers the popup, the workbench (options page, with a profile open
 * in the editor), the printable checklist, and on a portal page the panel frame (panel.html) with our marks in
 * the page's frames (the overlay host, field hints).
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { frameOf, openWorkbench, panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/** Han, CJK punctuation (「」、。：) and full-width forms. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Text and user-visible attributes holding CJK outside a `lang="zh-*"` element, in the page and open shadow
 * roots; with `scope`, only inside the elements it selects (our marks on a portal page, whose own text is Chinese).
 */
async function chineseOutsideData(page: Page | Frame, scope?: string): Promise<string[]> {
  return page.evaluate(([source, within]) => {
    const cjk = new RegExp(source, 'u');
    const out: string[] = [];
    // In a scope, a mark counts only inside it (a portal page's own <html lang="zh-CN"> marks nothing of ours).
    let boundary: Element | undefined;
    const marked = (el: Element | null) => {
      const mark = el?.closest('[lang]');
      if (!mark || (boundary && mark.getRootNode() === document && !boundary.contains(mark))) return false;
      return (mark.getAttribute('lang') ?? '').toLowerCase().startsWith('zh');
    };
    const where = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const checkElement = (el: Element) => {
      for (const attr of ['placeholder', 'title', 'aria-label', 'alt']) {
        const v = el.getAttribute(attr);
        if (v && cjk.test(v) && !marked(el)) out.push(`${where(el)}[${attr}]: ${v.slice(0, 60)}`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    };
    const visit = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          checkElement(node);
          continue;
        }
        const parent = node.parentElement;
        if (!parent || ['STYLE', 'SCRIPT'].includes(parent.tagName)) continue;
        if (cjk.test(node.textContent ?? '') && !marked(parent)) out.push(`${where(parent)}: ${(node.textContent ?? '').trim().slice(0, 60)}`);
      }
    };
    if (within === undefined) {
      visit(document);
      if (cjk.test(document.title)) out.push(`title: ${document.title}`);
    }
    // Only the selected elements: themselves, their subtree and their shadow roots.
    for (const el of within === undefined ? [] : document.querySelectorAll(within)) {
      boundary = el;
      checkElement(el);
      visit(el);
    }
    return out;
  }, [CJK.source, scope] as const);
}

describe('English mode', () => {
  const s = browserPerFile();
  let bench: Page;
  let profileId = '';
  beforeAll(async () => {
    bench = await openWorkbench(s);
    const body = {
      data: { name: '欧阳明', idNumber: '11010519491231002X', gender: '女', ethnicity: '回族', education: '大学本科', employerName: '山东某建设有限公司', address: '济南市历下区1号', contractEnd: 'open-ended', retired: false },
      businesses: [{ business: 'change', status: 'preparing', conditions: [], ready: [], updatedAt: '2026-11-20T00:00:00.000Z' }],
      notes: '备注：原件已收',
    };
    const created = await sendFrom<{ id: string }>(bench, 'ui:profiles.create', { body });
    profileId = created.id;
    await sendFrom(bench, 'ui:active.set', { id: created.id });
    // Switching the language reloads every open extension page: switch, and wait for the page to come back.
    const reloaded = bench.waitForEvent('load');
    await bench.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ uiLanguage: 'en' }));
    await reloaded;
    await bench.locator('[data-jzs-profile-count="1"]').waitFor();
  });

  it('the workbench, with a profile open in the editor, shows Chinese only as marked data', async () => {
    expect(await bench.evaluate(() => document.documentElement.lang)).toBe('en');
    await bench.locator('[data-jzs-profile]').first().click();
    await bench.locator('[data-jzs-editor]').waitFor();
    await bench.locator('[data-jzs-progress-business="change"]').waitFor();
    expect(await chineseOutsideData(bench)).toEqual([]);
    // A refusal reads in English too: a legacy .xls file.
    await bench.locator('[data-jzs-import]').setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    await expect.poll(() => bench.locator('p.error').allTextContents()).toContainEqual(expect.stringMatching(/old\.xls .*Excel \(\.xls\)/));
    expect(await chineseOutsideData(bench)).toEqual([]);
  });

  it('the restore preview and the PDF tool\'s refusals mark the Chinese names they show', async () => {
    const [download] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="export-backup"]').click()]);
    const backup = readFileSync((await download.path()) ?? '', 'utf8').replace('欧阳明', '欧阳明明');
    await bench.locator('[data-jzs-restore]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await bench.locator('.names').first().waitFor();
    await bench.locator('[data-jzs-pdf-input]').setInputFiles([{ name: '坏掉的证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<') }]);
    await expect.poll(() => bench.locator('[data-jzs-pdf-error]').textContent()).toContain('坏掉的证书.pdf');
    expect(await chineseOutsideData(bench)).toEqual([]);
  });

  it('the popup, with its look-up checklist, shows Chinese only as marked data', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-material]').first().waitFor();
    await popup.locator('[data-jzs-profile-count="1"]').waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await chineseOutsideData(popup)).toEqual([]);
  });

  it('the printable checklist shows Chinese only as marked data', async () => {
    const page = await s.openExtensionPage('checklist.html?business=change');
    await page.locator('[data-jzs-material]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await chineseOutsideData(page)).toEqual([]);
    // The rules read in English first (the Chinese wording follows, marked): before, they were Chinese only.
    const rules = await page.locator('[data-jzs-check]').allInnerTexts();
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const r of rules) expect(r).toMatch(/^[A-Z][a-z]+ [a-z0-9]/);
    // The seed's list and the four 编者注 of 变更 read in English too, the Chinese as written after them (before:
    // Chinese only, marked as data).
    expect(await page.locator('[data-jzs-summary-en]').innerText()).toMatch(/^Change of employer: 1\. application form; 2\. ID card/);
    const editorial = page.locator('[data-jzs-editorial-note]');
    expect(await editorial.count()).toBe(4);
    expect(await editorial.locator('[data-jzs-note-en]').allInnerTexts()).toEqual(Array(4).fill(expect.stringMatching(/^Editor's note: “请将申请表签字盖章上传” \(upload the signed/)));
  });

  it('the panel frame on a portal page, with its checklist and a finding, and our marks in the page\'s frames show Chinese only as marked data', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(replica('zwdt-declaration-initial').url, { waitUntil: 'load' });
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-material]').first().waitFor();
    // A wrong check digit in the e-form: a hint beside the field and a finding in the panel, both in English.
    const eform = frameOf(page, replica('zwdt-eform-initial'));
    await eform.locator('[id="EJJZS_ZCSQ_SFZH$text"]').fill('370102199001011237');
    await eform.locator('[id="EJJZS_ZCSQ_SFZH$text"]').press('Tab');
    await panel.locator('[data-jzs-summary-field="idNumber"][data-severity="error"]').waitFor();
    await eform.locator('[data-jzs-field="idNumber"][data-severity="error"]').waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await chineseOutsideData(panel)).toEqual([]);
    // What to do on this page reads as a sentence ("This page: …"; before, "this page: …").
    const steps = await panel.locator('p.step').allInnerTexts();
    expect(steps.length).toBeGreaterThanOrEqual(1);
    for (const step of steps) expect(step).toMatch(/^This page: [A-Z]/);
    // An upload check naming the file: the file's Chinese name is data, marked inside our English message.
    const upload = page.locator('#materiallist-body tr', { has: page.locator('td.clname', { hasText: '学历证书' }) }).locator('input[type=file]');
    await upload.setInputFiles({ name: '学历证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });
    await expect.poll(() => page.locator('[data-jzs-upload="education-certificate"]').textContent()).toContain('学历证书.pdf');
    expect(await page.locator('[data-jzs-upload="education-certificate"] [lang="zh-CN"]').first().textContent()).toBe('学历证书');
    // The portal's own text is Chinese; ours on its pages (host, hints, upload checks) is not.
    const ours = '[data-jzs-overlay], [data-jzs-field], [data-jzs-upload]';
    for (const frame of page.frames().filter((f) => f.url().startsWith('http'))) {
      expect(await chineseOutsideData(frame, ours), frame.url()).toEqual([]);
    }
    expect(await eform.locator('[data-jzs-field="idNumber"]').textContent()).toMatch(/[a-z]/i);
    // The fill preview in the panel: the applicant's values are marked data, everything around them English.
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-action="confirm-fill"]').waitFor();
    expect(await chineseOutsideData(panel)).toEqual([]);
    // …and its report after the confirm.
    await panel.locator('[data-jzs-action="confirm-fill"]').click();
    await panel.locator('[data-jzs-fill-results]').waitFor();
    expect(await chineseOutsideData(panel)).toEqual([]);
    await page.close();
  });

  it('the panel on 我的申请 and 办件详情, with the case-update offer and its result, shows Chinese only as marked data', async () => {
    const active = await sendFrom<{ id: string }>(bench, 'ui:active.get', {});
    // The 变更 case the profile's old 「办理中的业务」 became, now under review: the portal says 待补正.
    const [made] = await sendFrom<Array<{ id: string; revision: number; business: string }>>(bench, 'ui:cases.ofProfile', { profileId: active.id });
    if (made?.business !== 'change') throw new Error('expected the profile\'s 变更 case');
    await sendFrom(bench, 'ui:cases.update', { items: [{ id: made.id, revision: made.revision }], patch: { status: 'in-review' } });
    for (const name of ['zwdt-my-applications', 'zwdt-application-detail']) {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(replica(name).url, { waitUntil: 'load' });
      const panel = await panelFrame(page);
      const offer = panel.locator(`[data-jzs-case-offer="${made.id}"]`);
      await offer.waitFor();
      expect(await chineseOutsideData(panel), name).toEqual([]);
      // The header's buttons keep their words on one line beside the longer English title (before, "Move | left").
      for (const button of await panel.locator('header.head button').all()) {
        const lines = await button.evaluate((b) => {
          const text = document.createRange();
          text.selectNodeContents(b);
          return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines, await button.innerText()).toBe(1);
      }
      // The 办件's status on 办件详情 says in English what the portal's 待补正 means (before: the Chinese only).
      if (name === 'zwdt-application-detail') expect(await panel.locator('[data-jzs-guidance="case"] p').first().innerText()).toBe('Application status: 待补正 (Needs correction)');
      await offer.locator('[data-jzs-action="update-case"]').click();
      await panel.locator(`[data-jzs-case-updated="${made.id}"]`).waitFor();
      expect(await chineseOutsideData(panel), name).toEqual([]);
      await page.close();
    }
  });

  it('the panel\'s guidance on 事项详情 and 申报须知 (situations, the portal\'s own material list against ours) shows Chinese only as marked data', async () => {
    for (const [name, guidance] of [
      ['zwdt-event-detail', 'situation'],
      ['zwdt-declaration-notice', 'compare'],
    ] as const) {
      const page = await s.context.newPage();
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(replica(name).url, { waitUntil: 'load' });
      const panel = await panelFrame(page);
      await panel.locator(`[data-jzs-guidance="${guidance}"]`).waitFor();
      expect(await chineseOutsideData(panel), name).toEqual([]);
      await page.close();
    }
  });

  it('an import preview and report with cell warnings and a rejected row show Chinese only as marked data (the file\'s headers and cells)', async () => {
    // A clerk's CSV: Chinese headers, a gender and a date that cannot be read, a row with no valid ID number.
    const csv = ['姓名,身份证号,性别,出生日期,劳动合同期限', '王五,370102199001011231,男x,1990年13月1日,2019.6.4到某日', '赵六,370102199001011232,女,1990-01-01,'].join('\r\n');
    await bench.locator('[data-jzs-import]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await bench.locator('[data-jzs-import-preview]').waitFor();
    await bench.locator('[data-jzs-preview-row="1"] [data-jzs-cell-warning="性别"]').waitFor();
    expect(await bench.locator('[data-jzs-preview-row="1"] [data-jzs-cell-warning="性别"]').textContent()).toMatch(/not one of the choices/);
    expect(await chineseOutsideData(bench)).toEqual([]);
    await bench.locator('[data-jzs-action="confirm-import"]').click();
    await bench.locator('[data-jzs-import-report][data-rejected="1"]').waitFor();
    expect(await bench.locator('[data-jzs-import-error]').textContent()).toMatch(/^Row 3, column .*check character/);
    expect(await chineseOutsideData(bench)).toEqual([]);
  });

  it('a case packet (cover, checklist, steps) shows Chinese only as marked data', async () => {
    const cases = await sendFrom<Array<{ id: string; business: string }>>(bench, 'ui:cases.ofProfile', { profileId });
    const c = cases.find((x) => x.business === 'change');
    expect(c).toBeDefined();
    const page = await s.openExtensionPage(`checklist.html?case=${c?.id ?? ''}`);
    await page.locator('[data-jzs-packet] [data-jzs-material]').first().waitFor();
    // The title holds the applicants' names on purpose: it is the file name of a packet saved as PDF.
    expect((await chineseOutsideData(page)).filter((x) => !x.startsWith('title:'))).toEqual([]);
    await page.close();
  });

  it('the check itself finds Chinese that is not marked', async () => {
    const page = await s.openExtensionPage('checklist.html?business=change');
    await page.locator('[data-jzs-material]').first().waitFor();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '未标记的中文';
      document.body.append(p);
    });
    expect(await chineseOutsideData(page)).toEqual(['p: 未标记的中文']);
  });

  it('on a portal page the scoped check finds our unmarked Chinese, not the page\'s own', async () => {
    const page = await s.context.newPage();
    await page.goto(replica('zwdt-declaration-initial').url, { waitUntil: 'load' });
    await page.locator('[data-jzs-overlay]').first().waitFor({ state: 'attached' });
    const ours = '[data-jzs-overlay], [data-jzs-field], [data-jzs-upload]';
    const before = await chineseOutsideData(page, ours);
    await page.evaluate(() => {
      const hint = document.createElement('span');
      hint.setAttribute('data-jzs-field', 'mobile');
      hint.textContent = '未标记的提示';
      document.body.append(hint);
    });
    expect(await chineseOutsideData(page, ours)).toEqual([...before, 'span: 未标记的提示']);
    await page.close();
  });
});
