/**
 * Writes that wait for an earlier choice of the same fill, in the page script itself (fill review, left-alone
 * list of the last stop): a MiniUI list whose options the choice loads into the page's own objects (no DOM
 * change to watch), seeded over when and how the page loads it; and how long a wait lasts when what it waits
 * for never comes — once the page has settled (no DOM change for `quietMs`, no jQuery request in flight), not
 * the whole bound. Time here is vitest's fake clock: the assertions are about the order of events, not speed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PageApplyAnswer, type PageWrite, pageScript } from '../../src/fill/page-script';
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
    return this.data.find((d) => d.id === this.value)?.text ?? '';
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

const texts = (t: string) => [t.normalize('NFKC').replace(/\s+/g, '').toLowerCase()];

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
