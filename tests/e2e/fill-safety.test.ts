/**
 * A fill a page cannot steal, trigger or misdirect (issue 12): hostile page scripts, pages that change between
 * preview and confirm, and fields hidden from the person by every technique in tests/fixtures/hostile/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { replica } from '../fixtures/replicas';
import { createActiveProfile, panelFrame, rulesIn, sendFrom } from './harness';
import { browserPerFile } from './per-file';

const ZHANG = {
  name: '张三',
  idNumber: '370102199001011231',
  gender: '男',
  ethnicity: '汉族',
  education: '本科',
  contractStart: '2020-01-01',
  birthDate: '1990-01-01',
  mobile: '13805310000',
  phone: '0531-61378805',
  email: 'zhangsan@example.cn',
  address: '济南市历下区经十路14306号',
  postcode: '250014',
  school: '山东建筑大学',
  major: '土木工程',
  graduationDate: '2012-07-01',
  employerName: '济南建工集团有限公司',
  employerCreditCode: '913701001630469631',
  examEmployerName: '济南二建集团有限公司',
  qualificationCertNo: '37151606000123456X',
};
/** Values a harvesting script would look for (long enough not to occur by chance). */
const SECRETS = [ZHANG.idNumber, ZHANG.mobile, ZHANG.email, ZHANG.address, ZHANG.employerName, ZHANG.qualificationCertNo, ZHANG.school, ZHANG.examEmployerName];

/**
 * What a page script can reach: every same-origin frame's DOM, open shadow roots included — texts, attributes
 * and form values. Returns the secrets it found.
 */
function harvest(page: Page, secrets: string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const seen: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) seen.push(el.getAttribute(a) ?? '');
        if ('value' in el) seen.push(String((el as HTMLInputElement).value));
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el instanceof HTMLIFrameElement) {
          try {
            if (el.contentDocument) walk(el.contentDocument);
          } catch {
            // another origin: not reachable for the page either
          }
        }
      }
      seen.push(root instanceof Document ? (root.documentElement?.textContent ?? '') : (root.textContent ?? ''));
    };
    walk(document);
    const all = seen.join('\n');
    return wanted.filter((v) => all.includes(v));
  }, secrets);
}

/** A hostile script: click and key every control of ours it can reach (the overlay's open root included). */
function pokeEverything(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    const poke = (root: Document | ShadowRoot) => {
      // Our overlay host, its panel frame element and anything of ours with a hook, plus every control.
      for (const el of root.querySelectorAll<HTMLElement>('button, input, a, iframe, [data-jzs-overlay], [data-jzs-action], [role="button"]')) {
        if (el.closest('form') || el.matches('a[href]')) continue; // the page's own form and links: not ours to poke
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        n++;
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) poke(el.shadowRoot);
    };
    poke(document);
    // The keyboard command's shortcut, forged.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'F', altKey: true, shiftKey: true, bubbles: true }));
    return n;
  });
}

describe('a fill a page cannot steal, trigger or misdirect (issue 12)', () => {
  const s = browserPerFile();
  let bench: Page;
  let zhangId: string;
  const logCount = async () => (await sendFrom<unknown[]>(bench, 'ui:fill.log', { profileId: zhangId })).length;
  const lastLog = async () => (await sendFrom<Array<Record<string, unknown>>>(bench, 'ui:fill.log', { profileId: zhangId }))[0];

  beforeAll(async () => {
    bench = await s.openExtensionPage('options.html');
    zhangId = await createActiveProfile(bench, { data: ZHANG });
  });

  /** Preview in the popup (the extension page standing for the portal tab); returns the popup. */
  async function preview(): Promise<Page> {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-fill-preview]').waitFor();
    return popup;
  }
  async function confirm(popup: Page) {
    await popup.locator('[data-jzs-action="confirm-fill"]').click();
    const results = popup.locator('[data-jzs-fill-results]');
    await results.waitFor();
    return results;
  }

  it('a page script finds no profile value anywhere it can reach before confirm, and its clicks start no fill', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const before = await logCount();
    await pokeEverything(page);
    // What the page can reach of ours is the overlay host with the panel's frame, whose document is another
    // origin's: no fill button or preview to poke or read (they are in there).
    await panelFrame(page);
    const reach = await page.evaluate(() => {
      const frame = document.querySelector('[data-jzs-overlay]')?.shadowRoot?.querySelector('iframe');
      const read = () => {
        try {
          return frame?.contentDocument ?? 'unreachable';
        } catch {
          return 'unreachable';
        }
      };
      return { frame: !!frame, inside: read() };
    });
    expect(reach).toEqual({ frame: true, inside: 'unreachable' });
    await page.waitForTimeout(500);
    expect(await page.locator('#txtXm').inputValue()).toBe('');
    expect(await logCount()).toBe(before);

    const popup = await preview();
    // The preview shows the values — in the extension page only.
    expect(await popup.locator('[data-jzs-fill-preview]').textContent()).toContain(ZHANG.idNumber);
    expect(await harvest(page, SECRETS)).toEqual([]);
    await pokeEverything(page);
    await page.waitForTimeout(300);
    expect(await page.locator('#txtZjhm').inputValue()).toBe('');
    // Confirmed by the person: now (and only now) the values are in the page.
    const results = await confirm(popup);
    expect(await results.getAttribute('data-failed')).toBe('0');
    expect(await page.locator('#txtZjhm').inputValue()).toBe(ZHANG.idNumber);
    await popup.close();
    await page.close();
  });

  it("the extension page's buttons ignore a script's click: only a person's input previews or confirms", async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const popup = await s.openExtensionPage('popup.html');
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-jzs-action="fill"]')?.click());
    await popup.waitForTimeout(300);
    expect(await popup.locator('[data-jzs-fill-preview]').count()).toBe(0);
    await popup.locator('[data-jzs-action="fill"]').click();
    await popup.locator('[data-jzs-fill-preview]').waitFor();
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-jzs-action="confirm-fill"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await popup.waitForTimeout(300);
    expect(await popup.locator('[data-jzs-fill-results]').count()).toBe(0);
    expect(await page.locator('#txtXm').inputValue()).toBe('');
    await popup.close();
    await page.close();
  });

  it('a tab that opens another document between preview and confirm gets nothing written, a clear message and a log entry', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const popup = await preview();
    // The same tab moves on to another record's form (a page of the same kind, with the same fields).
    await page.goto(replica('hostile-hidden-fields').url);
    await rulesIn(page);
    const results = await confirm(popup);
    expect(await results.getAttribute('data-navigated')).toBe('true');
    expect(await results.getAttribute('data-ok')).toBe('0');
    expect(await popup.locator('[data-jzs-fill-navigated]').textContent()).toContain('没有写入任何内容');
    expect(await popup.locator('[data-jzs-fill-results]').textContent()).not.toMatch(/No frame|No document|Error/);
    expect([await page.locator('#txtXm').inputValue(), await page.locator('#txtZjhm').inputValue()]).toEqual(['', '']);
    expect(await lastLog()).toMatchObject({ navigated: true, ok: 0 });
    await popup.close();
    await page.close();
  });

  it('a profile edited after the preview: the previews in the panel and the popup are dropped saying why, nothing is written, a new preview fills the edit', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-fill-preview]').waitFor();
    const popup = await preview();
    const before = await logCount();
    const stored = await sendFrom<{ revision: number }>(bench, 'ui:profiles.get', { id: zhangId });
    await sendFrom(bench, 'ui:profiles.update', { id: zhangId, body: { data: { ...ZHANG, mobile: '13900000000' } }, revision: stored.revision });
    // Both pages learn it without a click: the preview is gone, the reason shown, the confirm button with it.
    for (const ui of [panel, popup]) {
      await ui.locator('[data-jzs-fill-error]').waitFor();
      expect(await ui.locator('[data-jzs-fill-error]').textContent()).toContain('预览之后档案已被修改');
      expect(await ui.locator('[data-jzs-action="confirm-fill"]').count()).toBe(0);
    }
    expect([await page.locator('#txtXm').inputValue(), await page.locator('#txtSjhm').inputValue()]).toEqual(['', '']);
    expect(await logCount()).toBe(before);
    await popup.close();
    // Previewed again, the edited value is what is written.
    await panel.locator('[data-jzs-action="fill"]').click();
    await panel.locator('[data-jzs-action="confirm-fill"]').click();
    await panel.locator('[data-jzs-fill-results]').waitFor();
    expect(await page.locator('#txtSjhm').inputValue()).toBe('13900000000');
    await sendFrom(bench, 'ui:profiles.update', { id: zhangId, body: { data: ZHANG }, revision: stored.revision + 1 });
    await page.close();
  });

  it('a panel the page makes transparent or covers with a decoy: the click on 确认填写 writes nothing and says why; seen again, it fills', async () => {
    const page = await s.open('province-basic-info');
    // Two clickjacking set-ups a page can make around our frame: our host made nearly transparent, and a decoy
    // painted over the panel that lets clicks through to it (pointer-events: none).
    const tricks = {
      transparent: () => {
        const st = document.createElement('style');
        st.id = 'trick';
        st.textContent = '[data-jzs-overlay] { opacity: 0.05 !important; }';
        document.head.append(st);
      },
      decoy: () => {
        const d = document.createElement('div');
        d.id = 'trick';
        d.textContent = '点击领取';
        d.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none';
        document.body.append(d);
      },
    };
    for (const [name, trick] of Object.entries(tricks)) {
      await rulesIn(page);
      const panel = await panelFrame(page);
      await panel.locator('[data-jzs-action="fill"]').click();
      await panel.locator('[data-jzs-fill-preview]').waitFor();
      const before = await logCount();
      await page.evaluate(trick);
      // The observer's answer is at most 100 ms old (the spec's minimum delay); a person needs longer than that.
      await page.waitForTimeout(300);
      await panel.locator('[data-jzs-action="confirm-fill"]').click();
      await panel.locator('[data-jzs-fill-obscured]').waitFor();
      expect(await panel.locator('[data-jzs-fill-obscured]').textContent(), name).toContain('没有填写任何内容');
      expect(await panel.locator('[data-jzs-fill-results]').count(), name).toBe(0);
      expect([await page.locator('#txtXm').inputValue(), await page.locator('#txtZjhm').inputValue()], name).toEqual(['', '']);
      expect(await logCount(), name).toBe(before);
      // The trick gone, the same preview is confirmed by the next click.
      await page.evaluate(() => document.getElementById('trick')?.remove());
      await page.waitForTimeout(300);
      await panel.locator('[data-jzs-action="confirm-fill"]').click();
      await panel.locator('[data-jzs-fill-results]').waitFor();
      expect(await page.locator('#txtZjhm').inputValue(), name).toBe(ZHANG.idNumber);
      await page.reload();
    }
    await page.close();
  });

  it('a field disabled or hidden after the preview is skipped, says why, and no neighbouring field changes', async () => {
    const page = await s.open('province-basic-info');
    await rulesIn(page);
    const popup = await preview();
    // Benign page logic: another 证件类型 disables 证件号码; a section folds away 邮政编码.
    await page.evaluate(() => {
      const type = document.getElementById('ddlZjlx') as HTMLSelectElement;
      type.value = '3';
      type.dispatchEvent(new Event('change', { bubbles: true }));
      (document.getElementById('txtZjhm') as HTMLInputElement).disabled = true;
      (document.getElementById('txtYzbm') as HTMLInputElement).style.display = 'none';
    });
    const results = await confirm(popup);
    expect(await results.locator('[data-jzs-fill-result="idNumber"]').getAttribute('data-reason')).toBe('disabled');
    expect(await results.locator('[data-jzs-fill-result="postcode"]').getAttribute('data-reason')).toBe('not-rendered');
    expect(await results.locator('[data-jzs-fill-result="idNumber"]').textContent()).toContain('未写入');
    expect(await page.locator('#txtZjhm').inputValue()).toBe('');
    expect(await page.locator('#txtYzbm').inputValue()).toBe('');
    // No caret spill: the neighbours hold exactly their own values.
    expect(await page.locator('#txtCsrq').inputValue()).toBe(ZHANG.birthDate);
    expect(await page.locator('#txtSjhm').inputValue()).toBe(ZHANG.mobile);
    expect(await lastLog()).toMatchObject({ refused: expect.arrayContaining([{ key: 'idNumber', reason: 'disabled' }]) });
    await popup.close();
    await page.close();
  });

  it('a MiniUI list that no longer offers the planned option: the value the control keeps but does not show is not "ok"', async () => {
    const page = await s.open('bench-mini-40');
    await rulesIn(page);
    const popup = await preview();
    // The page reloads the 性别 list without 男 (1) after the preview: MiniUI keeps an unknown value, shows nothing.
    await page.evaluate(() => {
      const mini = (window as unknown as { mini: { get(id: string): { data: Array<{ id: string }>; setData(d: unknown[]): void } } }).mini;
      const xb = mini.get('B_XB');
      xb.setData(xb.data.filter((d) => d.id !== '1'));
    });
    const results = await confirm(popup);
    // Chosen by its name in the list as it is now: 男 is no longer offered, so nothing is written (MiniUI would
    // keep the old code without showing it) and the field says so.
    expect(await results.locator('[data-jzs-fill-result="gender"]').getAttribute('data-reason')).toBe('no-option');
    expect(await page.evaluate(() => (window as unknown as { mini: { get(id: string): { getValue(): unknown } } }).mini.get('B_XB').getValue())).toBe('');
    expect(await results.getAttribute('data-ok')).not.toBe('0');
    await popup.close();
    await page.close();
  });

  it('every hiding technique is refused while the visible fields are filled; frames of other origins untouched', async () => {
    const page = await s.open('hostile-hidden-fields');
    await rulesIn(page);
    const hidden = await page.locator('form input[type=text]:not(#txtXm):not(#txtZjhm)').evaluateAll((els) => els.map((e) => e.id));
    expect(hidden.length).toBeGreaterThanOrEqual(16);
    const popup = await preview();
    const items = popup.locator('[data-jzs-fill-item]');
    const actions = await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-action')]));
    // Boxes not rendered or not visible (display:none, visibility:hidden) in a frame where the fill writes a choice
    // (性别) may be shown by it: planned to be written only once shown, checked then as any field (never here).
    expect(actions.filter(([, a]) => a !== 'skip').map(([k]) => k).sort()).toEqual(['birthDate', 'gender', 'graduationDate', 'idNumber', 'name']);
    const after = Object.fromEntries(await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-after')])));
    expect([after.birthDate, after.graduationDate]).toEqual(['shown', 'shown']);
    // Each technique is named for what it is (fixture ids name the technique; keys follow the labels).
    const reasons = Object.fromEntries(await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-reason')])));
    expect(reasons).toMatchObject({
      mobile: 'off-screen',
      email: 'transparent',
      address: 'too-small',
      postcode: 'clipped',
      phone: 'clipped',
      school: 'covered',
      major: 'too-small',
      employerName: 'clipped',
      education: 'transparent', // filter: opacity(4%) on its box
      contractStart: 'clipped', // a mask image that shows nothing
      ethnicity: 'clipped', // `clip` on a fixed box (CSS 2.1 §11.1.2: it applies to every absolutely positioned box)
      qualificationCertNo: 'transparent',
      examEmployerName: 'off-screen',
      employerCreditCode: 'clipped',
    });
    // Skipped items never carry their values, not even in the extension's preview.
    const text = (await popup.locator('[data-jzs-fill-preview]').textContent()) ?? '';
    for (const v of [ZHANG.mobile, ZHANG.email, ZHANG.address, ZHANG.school, ZHANG.employerName, ZHANG.qualificationCertNo]) expect(text).not.toContain(v);
    const results = await confirm(popup);
    for (const key of ['birthDate', 'graduationDate']) expect(await results.locator(`[data-jzs-fill-result="${key}"]`).getAttribute('data-reason'), key).toBe('still-hidden');
    expect(await page.locator('#txtXm').inputValue()).toBe(ZHANG.name);
    expect(await page.locator('#txtZjhm').inputValue()).toBe(ZHANG.idNumber);
    expect(await page.locator('#xb1').isChecked()).toBe(true);
    const values = await page.locator('form input[type=text]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.id, (e as HTMLInputElement).value])));
    for (const id of hidden) expect(values[id], id).toBe('');
    // Frames of other origins on the page stay untouched, whatever their labels say.
    // (Our own panel frame, an extension page, is not the page's.)
    const foreign = page.frames().filter((f) => f !== page.mainFrame() && !f.url().startsWith('chrome-extension://'));
    expect(foreign).toHaveLength(2);
    for (const f of foreign) expect(await f.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), f.url().slice(0, 20)).toEqual(['', '']);
    await popup.close();
    await page.close();
  });
});
