/**
 * Writes that wait for an earlier choice of the same fill, in the page script itself (fill review, left-alone
 * list of the last stop): a MiniUI list whose options the choice loads into the page's own objects (no DOM
 * change to watch), seeded over when and how the page loads it; and how long a wait lasts when what it waits
 * for never comes — once the page has settled (no DOM change for `quietMs`, no jQuery request in flight), not
 * the whole bound. Time here is vitest's fake clock: the assertions are about the order of events, not speed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PageApplyAnswer, type PageWrite, pageScript } from '../../src/fill/page-script';
import { planFill } from '../../src/fill/planner';
import type { CollectedField } from '../../src/fill/types';
import { installLayout } from '../helpers/layout';
import { seeded } from '../helpers/rng';

const kit = pageScript({ op: 'kit' });

/** MiniUI's API as the page script uses it (mini.get(id) → control), over a root span with its input, as MiniUI draws a combobox. */
class Combo {
  data: Array<{ id: string; text: string }> = [];
  value = '';
  enabled = true;
  private handlers: Array<() => void> = [];
  constructor(readonly el: HTMLElement) {}
  get input(): HTMLInputElement | null {
    return this.el.querySelector('input');
  }
  setValue(v: unknown) {
    this.value = String(v ?? '');
    if (this.input) this.input.value = this.getText();
  }
  getValue() {
    return this.value;
  }
  getText() {
    // A multi-select combobox shows the texts of every code it holds (MiniUI joins them with ',').
    return this.value.split(',').flatMap((v) => this.data.filter((d) => d.id === v).map((d) => d.text)).join(',');
  }
  getData() {
    return this.data;
  }
  /** MiniUI keeps the list in its own objects: loading it changes nothing in the DOM until the list is opened. */
  setData(d: Array<{ id: string; text: string }>) {
    this.data = d;
  }
  getEnabled() {
    return this.enabled;
  }
  setEnabled(on: boolean) {
    this.enabled = on;
    this.el.classList.toggle('mini-disabled', !on);
  }
  validate() {
    return true;
  }
  on(fn: () => void) {
    this.handlers.push(fn);
  }
  fire(type: string) {
    if (type === 'valuechanged') for (const h of this.handlers) h();
  }
}


const CITIES = [
  { id: '0101', text: '济南市' },
  { id: '0102', text: '青岛市' },
  { id: '0103', text: '淄博市' },
];

/** A form with 省份 and 城市 as MiniUI comboboxes, and a native box, in a table as portals lay them out. */
function miniForm(): { province: Combo; city: Combo } {
  document.body.innerHTML = `<table id="f">
    <tr><td>省份：</td><td><span id="SF" class="mini-combobox"><input class="mini-buttonedit-input" readonly></span></td></tr>
    <tr><td>城市：</td><td><span id="CS" class="mini-combobox"><input class="mini-buttonedit-input" readonly></span></td></tr>
    <tr><td>工作单位：</td><td><input id="dw" name="dw" type="text"></td></tr>
  </table>`;
  const root = (id: string) => document.getElementById(id) ?? document.body;
  const province = new Combo(root('SF'));
  province.setData([{ id: '37', text: '山东省' }, { id: '41', text: '河南省' }]);
  const city = new Combo(root('CS'));
  const controls = new Map([['SF', province], ['CS', city]]);
  Reflect.set(window, 'mini', { get: (id: string) => controls.get(id) });
  installLayout();
  return { province, city };
}

const handleOf = (id: string, mini = true) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(id);
  return kit.fingerprint(el, mini ? id : undefined);
};

/** The confirm's one call in the page, its answer caught whenever it comes (the clock is vitest's). */
function apply(writes: PageWrite[], waitMs: number, quietMs: number) {
  let answer: PageApplyAnswer | undefined;
  void pageScript({ op: 'apply', url: location.href, minSize: 4, writes, waitMs, quietMs }).then((a) => (answer = a));
  return () => answer;
}

const texts = (t: string) => [[t.normalize('NFKC').replace(/\s+/g, '').toLowerCase()]];

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'mini');
  Reflect.deleteProperty(window, 'jQuery');
});

describe('a MiniUI list loaded by an earlier choice of the same fill', () => {
  it('60 seeded pages: chosen by name once the page has loaded it (whatever its codes), else said per field; never a wrong city', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const r = seeded(seed * 104_729);
      const { province, city } = miniForm();
      // When the page loads the cities after the province: in its handler, after a request (ms), or never.
      const when = r.pick(['sync', 'later', 'later', 'never'] as const);
      const delay = Math.floor(r.next() * 500);
      // Its codes: as at the preview, reused for other cities, or new.
      const codes = r.pick(['same', 'shuffled', 'new'] as const);
      const loaded = CITIES.map((c, i) => ({ ...c, id: codes === 'same' ? c.id : codes === 'new' ? `x${i}` : (CITIES[(i + 1) % CITIES.length]?.id ?? c.id) }));
      const disabledUntil = r.next() < 0.5;
      if (disabledUntil) city.setEnabled(false);
      const ambiguous = r.next() < 0.15;
      const load = () => {
        city.setData(ambiguous ? [...loaded, { id: 'dup', text: '济南市' }] : loaded);
        if (disabledUntil) city.setEnabled(true);
      };
      province.on(() => {
        if (when === 'sync') load();
        else if (when === 'later') setTimeout(load, delay);
      });
      // A jQuery request in flight while the page waits for its answer (MiniUI loads through jQuery).
      const jq = Object.assign(() => undefined, { active: when === 'later' ? 1 : 0 });
      Reflect.set(window, 'jQuery', jq);
      if (when === 'later') setTimeout(() => (jq.active = 0), delay);
      const result = apply(
        [
          { item: 'sf', handle: handleOf('SF'), value: '37' },
          { item: 'cs', handle: handleOf('CS'), value: '', after: 'options', texts: texts('济南市') },
        ],
        3000,
        600,
      );
      await vi.advanceTimersByTimeAsync(3100);
      const answer = result();
      const where = `seed ${seed * 104_729}: ${when} ${delay} ms, codes ${codes}, disabled ${disabledUntil}, ambiguous ${ambiguous}`;
      expect(answer, where).toBeDefined();
      const cs = answer?.results[1];
      if (when === 'never') {
        expect(cs, where).toMatchObject({ written: false, reason: disabledUntil ? 'disabled' : 'no-options' });
        expect(city.getValue(), where).toBe('');
      } else if (ambiguous) {
        // Two options named 济南市: a wrong choice is worse than none.
        expect(cs, where).toMatchObject({ written: false, reason: 'no-option' });
        expect(city.getValue(), where).toBe('');
      } else {
        const jinan = loaded.find((c) => c.text === '济南市')?.id;
        expect(cs, where).toMatchObject({ written: true, read: { value: jinan, text: '济南市' } });
        expect(city.getText(), where).toBe('济南市');
      }
      seen.add(`${when}:${cs?.written ? 'written' : cs?.reason}`);
    }
    for (const k of ['sync:written', 'later:written', 'never:no-options', 'never:disabled']) expect([...seen]).toContain(k);
  });

  it('a MiniUI list the page reloads after our write (other codes) is chosen again by name, not left on a code that now means another city', async () => {
    const { province, city } = miniForm();
    city.setData(CITIES);
    // Reloaded a moment after the province changes, its codes now meaning other cities.
    province.on(() => {
      city.setData([]);
      setTimeout(() => city.setData(CITIES.map((c, i) => ({ ...c, id: CITIES[(i + 2) % 3]?.id ?? c.id }))), 120);
    });
    const result = apply(
      [
        { item: 'sf', handle: handleOf('SF'), value: '37' },
        { item: 'cs', handle: handleOf('CS'), value: '0101', texts: texts('济南市') },
      ],
      3000,
      600,
    );
    await vi.advanceTimersByTimeAsync(3100);
    expect(result()?.results[1]).toMatchObject({ written: true, read: { value: '0103', text: '济南市' } });
    expect(city.getText()).toBe('济南市');
  });
});

describe('a wait that ends once the page has settled', () => {
  /** 工作单位 disabled until a choice that never enables it, in a form with a native list as that choice. */
  function disabledForGood() {
    document.body.innerHTML = `<table id="f">
      <tr><td>单位性质：</td><td><select id="xz" name="xz"><option value="">请选择</option><option value="1">企业</option></select></td></tr>
      <tr><td>工作单位：</td><td><input id="dw" name="dw" type="text" disabled></td></tr>
    </table>`;
    installLayout();
    return [
      { item: 'xz', handle: handleOf('xz', false), value: '1' },
      { item: 'dw', handle: handleOf('dw', false), value: '济南建工集团有限公司', after: 'enabled' as const },
    ];
  }

  it('a box the choice never enables is given up once the page is quiet, not after the whole wait', async () => {
    const result = apply(disabledForGood(), 3000, 600);
    await vi.advanceTimersByTimeAsync(500);
    expect(result()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(result()?.results[1]).toMatchObject({ written: false, reason: 'still-disabled' });
  });

  it('without a quiet period (0) the whole wait is kept, as before', async () => {
    const result = apply(disabledForGood(), 3000, 0);
    await vi.advanceTimersByTimeAsync(2900);
    expect(result()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(result()?.results[1]).toMatchObject({ written: false, reason: 'still-disabled' });
  });

  it('a page still changing (a 加载中 spinner) or with a jQuery request in flight is waited for, up to the bound', async () => {
    const writes = disabledForGood();
    const jq = Object.assign(() => undefined, { active: 1 });
    Reflect.set(window, 'jQuery', jq);
    const spinner = document.createElement('span');
    document.body.append(spinner);
    // The request answers after 1.5 s, the spinner turning meanwhile; then the page enables the box.
    const turn = setInterval(() => (spinner.textContent = spinner.textContent === '加载中' ? '加载中…' : '加载中'), 200);
    setTimeout(() => {
      clearInterval(turn);
      jq.active = 0;
      document.querySelector<HTMLInputElement>('#dw')?.removeAttribute('disabled');
    }, 1500);
    const result = apply(writes, 3000, 600);
    await vi.advanceTimersByTimeAsync(1400);
    expect(result()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(result()?.results[1]).toMatchObject({ written: true, read: { value: '济南建工集团有限公司' } });
    // A request that never answers is not waited for past the bound.
    const stuck = apply(disabledForGood(), 3000, 600);
    jq.active = 1;
    await vi.advanceTimersByTimeAsync(3100);
    expect(stuck()?.results[1]).toMatchObject({ written: false, reason: 'still-disabled' });
  });
});

describe('the settle rule sees the page’s own requests, whatever loads them', () => {
  /** A request of the page's own, answered after `ms` (never: undefined), through the way `how` (no network: the test's stand-ins). */
  type How = 'jquery' | 'fetch' | 'xhr' | 'xhr-readystate';
  class FakeXhr extends EventTarget {
    static delay: number | undefined;
    readyState = 0;
    onreadystatechange: (() => void) | null = null;
    open() {
      this.readyState = 1;
    }
    send() {
      const ms = FakeXhr.delay;
      if (ms === undefined) return;
      setTimeout(() => {
        this.readyState = 4;
        this.onreadystatechange?.();
        this.dispatchEvent(new Event('load'));
        this.dispatchEvent(new Event('loadend'));
      }, ms);
    }
  }
  /** What the page's window holds under a name (the page script reads it there too). */
  const own = (name: string): unknown => Reflect.get(window, name);
  const ownFetch = (delay: number | undefined) => () => new Promise<void>((answer) => (delay === undefined ? undefined : setTimeout(answer, delay)));

  /** The page's handler of the 单位性质 choice: a request, then (maybe) 工作单位 enabled in the answer's handler. */
  function request(how: How, delay: number | undefined, then: () => void) {
    if (how === 'jquery') {
      const jq = own('jQuery') as { active: number };
      jq.active++;
      if (delay !== undefined) setTimeout(() => { jq.active--; then(); }, delay);
    } else if (how === 'fetch') {
      void (own('fetch') as () => Promise<void>)().then(then);
    } else {
      const Xhr = own('XMLHttpRequest') as typeof FakeXhr;
      const x = new Xhr();
      x.open();
      if (how === 'xhr') x.addEventListener('load', then);
      else x.onreadystatechange = () => x.readyState === 4 && then();
      x.send();
    }
  }

  it('60 seeded pages: a box the page enables after a request of 0-2.5 s (jQuery, fetch, XMLHttpRequest, the DOM quiet meanwhile) is written; one it leaves disabled is given up once the answer is in and the page quiet', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const r = seeded(seed * 7_727);
      const how = r.pick<How>(['jquery', 'fetch', 'xhr', 'xhr-readystate']);
      const delay = r.pick([0, 300, 900, 1500, 2500, undefined]);
      const enables = r.next() < 0.7;
      FakeXhr.delay = delay;
      const pageFetch = ownFetch(delay);
      Reflect.set(window, 'fetch', pageFetch);
      Reflect.set(window, 'XMLHttpRequest', FakeXhr);
      const pageSend = FakeXhr.prototype.send;
      Reflect.set(window, 'jQuery', Object.assign(() => undefined, { active: 0 }));
      document.body.innerHTML = `<table id="f">
        <tr><td>单位性质：</td><td><select id="xz" name="xz"><option value="">请选择</option><option value="1">企业</option></select></td></tr>
        <tr><td>工作单位：</td><td><input id="dw" name="dw" type="text" disabled></td></tr>
      </table>`;
      installLayout();
      document.getElementById('xz')?.addEventListener('change', () => request(how, delay, () => enables && document.getElementById('dw')?.removeAttribute('disabled')));
      const result = apply(
        [
          { item: 'xz', handle: handleOf('xz', false), value: '1' },
          { item: 'dw', handle: handleOf('dw', false), value: '济南建工集团有限公司', after: 'enabled' },
        ],
        3000,
        600,
      );
      const where = `seed ${seed * 7_727}: ${how}, answered after ${delay ?? 'never'} ms, enables ${enables}`;
      const answered = delay !== undefined;
      // Before the answer the page shows nothing for longer than the quiet period: still waited for.
      if (answered && delay > 700) {
        await vi.advanceTimersByTimeAsync(delay - 50);
        expect(result(), where).toBeUndefined();
      }
      await vi.advanceTimersByTimeAsync(3100);
      const dw = result()?.results[1];
      if (answered && enables) expect(dw, where).toMatchObject({ written: true, read: { value: '济南建工集团有限公司' } });
      else expect(dw, where).toMatchObject({ written: false, reason: 'still-disabled' });
      // The page's own fetch and XMLHttpRequest are given back after the confirm.
      expect(own('fetch'), where).toBe(pageFetch);
      expect(FakeXhr.prototype.send, where).toBe(pageSend);
      seen.add(`${how}:${dw?.written ? 'written' : dw?.reason}`);
    }
    for (const how of ['jquery', 'fetch', 'xhr', 'xhr-readystate']) for (const end of ['written', 'still-disabled']) expect([...seen]).toContain(`${how}:${end}`);
    Reflect.deleteProperty(window, 'XMLHttpRequest');
    Reflect.deleteProperty(window, 'fetch');
  });

  it('a request answered and leaving the box disabled ends the wait once the page has been quiet a while after the answer, not at the bound', async () => {
    FakeXhr.delay = 1000;
    Reflect.set(window, 'XMLHttpRequest', FakeXhr);
    document.body.innerHTML = `<table id="f">
      <tr><td>单位性质：</td><td><select id="xz" name="xz"><option value="">请选择</option><option value="1">企业</option></select></td></tr>
      <tr><td>工作单位：</td><td><input id="dw" name="dw" type="text" disabled></td></tr>
    </table>`;
    installLayout();
    document.getElementById('xz')?.addEventListener('change', () => request('xhr', 1000, () => undefined));
    const result = apply(
      [
        { item: 'xz', handle: handleOf('xz', false), value: '1' },
        { item: 'dw', handle: handleOf('dw', false), value: '济南建工集团有限公司', after: 'enabled' },
      ],
      3000,
      600,
    );
    await vi.advanceTimersByTimeAsync(1550);
    expect(result()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(450);
    expect(result()?.results[1]).toMatchObject({ written: false, reason: 'still-disabled' });
    Reflect.deleteProperty(window, 'XMLHttpRequest');
  });
});

/** MiniUI's checkbox list: a div drawing one checkbox per option when its data is set; its value the codes checked, comma-joined. */
class CheckList extends Combo {
  override setData(d: Array<{ id: string; text: string }>) {
    super.setData(d);
    this.el.innerHTML = d.map((o, i) => `<input type="checkbox" id="${this.el.id}$ck$${i}" value="${o.id}"><label for="${this.el.id}$ck$${i}">${o.text}</label>`).join('');
    this.setValue(this.value);
  }
  override setValue(v: unknown) {
    this.value = String(v ?? '');
    const on = new Set(this.value.split(','));
    for (const box of this.el.querySelectorAll('input')) box.checked = on.has(box.value);
  }
}

const SPECIALTIES = [
  { id: 'JZ', text: '建筑工程' },
  { id: 'SZ', text: '市政公用工程' },
  { id: 'JD', text: '机电工程' },
];

describe('a MiniUI multi-choice list (a checkbox list, a multiSelect combobox) loaded by an earlier choice', () => {
  /** 最高学历 (one choice) and 申请注册专业 (several), as the probe, the plan and the confirm see them. */
  function multiForm(kind: 'checklist' | 'multi-combo') {
    const zy = kind === 'checklist' ? '<div id="ZY" class="mini-checkboxlist"></div>' : '<span id="ZY" class="mini-combobox"><input class="mini-buttonedit-input" readonly></span>';
    document.body.innerHTML = `<table id="f">
      <tr><td>最高学历：</td><td><span id="XL" class="mini-combobox"><input class="mini-buttonedit-input" readonly></span></td></tr>
      <tr><td>申请注册专业：</td><td>${zy}</td></tr>
    </table>`;
    const root = (id: string) => document.getElementById(id) ?? document.body;
    const education = new Combo(root('XL'));
    education.setData([{ id: '21', text: '大学本科' }, { id: '31', text: '大学专科' }]);
    const specialty = kind === 'checklist' ? new CheckList(root('ZY')) : Object.assign(new Combo(root('ZY')), { multiSelect: true });
    const controls = new Map<string, Combo>([['XL', education], ['ZY', specialty]]);
    Reflect.set(window, 'mini', { get: (id: string) => controls.get(id) });
    installLayout();
    return { education, specialty };
  }

  /** The preview of the two fields: the page script's probe, then the plan (as the background makes it). */
  function preview(kind: 'checklist' | 'multi-combo') {
    const probes = pageScript({ op: 'probe', minSize: 4, fields: [{ mini: 'XL', id: 'XL', name: '', tag: 'span', nth: -1 }, { mini: 'ZY', id: 'ZY', name: '', tag: kind === 'checklist' ? 'div' : 'span', nth: -1 }] });
    const fields = probes.map((p, i): CollectedField => {
      if (!p.handle) throw new Error(`probe ${i}`);
      return { frameId: 0, fid: String(i), key: i ? 'specialty' : 'education', kind: i && kind === 'checklist' ? 'mini-list' : 'mini-combo', label: '', handle: p.handle, current: '', readOnly: false, disabled: false, hidden: p.hidden, options: p.options, multi: p.multi };
    });
    return planFill(fields, { name: '张三', education: '本科', specialty: '建筑工程、市政公用工程' });
  }

  it('60 seeded pages: both choices chosen by name once the page has loaded the list (whatever its codes), else said per field; never a wrong specialty', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const r = seeded(seed * 15_485_863);
      const kind = r.pick(['checklist', 'multi-combo'] as const);
      const { education, specialty } = multiForm(kind);
      // At the preview: empty (the cascade loads it after 学历), or another list's options under codes of their own.
      const stale = r.next() < 0.3;
      if (stale) specialty.setData(SPECIALTIES.map((o, i) => ({ ...o, id: `old${i}` })));
      const when = r.pick(['sync', 'later', 'later', 'never'] as const);
      const delay = Math.floor(r.next() * 500);
      const codes = r.pick(['same', 'shuffled', 'new'] as const);
      const loaded = SPECIALTIES.map((o, i) => ({ ...o, id: codes === 'same' ? o.id : codes === 'new' ? `x${i}` : (SPECIALTIES[(i + 1) % 3]?.id ?? o.id) }));
      const ambiguous = !stale && r.next() < 0.15;
      const load = () => specialty.setData(ambiguous ? [...loaded, { id: 'dup', text: '市政公用工程' }] : loaded);
      education.on(() => {
        // A list the page reloads shows it at once (cleared, as 加载中), as the portals' cascades do.
        if (stale && when !== 'never') specialty.setData([]);
        if (when === 'sync') load();
        else if (when === 'later') setTimeout(load, delay);
      });
      const where = `seed ${seed * 15_485_863}: ${kind}, stale ${stale}, ${when} ${delay} ms, codes ${codes}, ambiguous ${ambiguous}`;
      const items = preview(kind);
      const zy = items.find((i) => i.key === 'specialty');
      // The preview: a list with no options yet waits for the 学历 choice; each choice keeps the texts naming it.
      expect(zy, where).toMatchObject({ action: 'fill', ...(stale ? {} : { after: 'options' }) });
      expect(zy?.texts?.map((t) => t[0]), where).toEqual(['建筑工程', '市政公用工程']);
      const writes = items.filter((i) => i.action === 'fill').map((i): PageWrite => ({ item: i.key, handle: i.handle, value: i.value, ...(i.after ? { after: i.after } : {}), ...(i.texts ? { texts: i.texts } : {}) }));
      const result = apply(writes, 3000, 600);
      await vi.advanceTimersByTimeAsync(3100);
      const res = result()?.results.find((x) => x.item === 'specialty');
      const chosen = new Set(specialty.getValue().split(',').filter(Boolean));
      const named = (list: Array<{ id: string; text: string }>) => new Set(list.filter((o) => o.text !== '机电工程').map((o) => o.id));
      if (when === 'never') {
        if (stale) {
          // The list as the preview showed it: its own codes for the two.
          expect(res, where).toMatchObject({ written: true });
          expect(chosen, where).toEqual(named(SPECIALTIES.map((o, i) => ({ ...o, id: `old${i}` }))));
        } else {
          expect(res, where).toMatchObject({ written: false, reason: 'no-options' });
          expect(chosen.size, where).toBe(0);
        }
      } else if (ambiguous) {
        expect(res, where).toMatchObject({ written: false, reason: 'no-option' });
        expect(chosen.size, where).toBe(0);
      } else {
        expect(res, where).toMatchObject({ written: true });
        expect(chosen, where).toEqual(named(loaded));
        expect(specialty.getText().split(',').sort(), where).toEqual(['市政公用工程', '建筑工程'].sort());
      }
      seen.add(`${kind}:${stale ? 'stale' : 'empty'}:${res?.written ? 'written' : res?.reason}`);
    }
    for (const k of ['checklist:empty:written', 'multi-combo:empty:written', 'checklist:empty:no-options', 'checklist:stale:written', 'multi-combo:stale:written']) expect([...seen]).toContain(k);
  });
});
