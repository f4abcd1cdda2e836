import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { fieldViews } from '../../src/background/handlers';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import { LabelCache } from '../../src/content/label-cache';
import { detectPage } from '../../src/portals/detect';
import { coreLabel, keyForLabel, labelLexicon, localClassifier, mapControls, MAX_LABEL_TEXT, readControls, readLabels, withPageHints } from '../../src/portals/fields';
import { bundledPack } from '../../src/rules/bundled';
import { forgetPackCache } from '../../src/rules/store';
import { openJzsDB } from '../../src/storage/db';
import { REPLICAS } from '../fixtures/replicas';
import { mapFields } from '../helpers/map-fields';
import { replicaDocument } from '../helpers/replica-dom';
import { pick, rng } from '../helpers/rng';
import { testRoutes } from '../helpers/routes';

/**
 * The label reading (which field a page label names, which fields it is near) runs in the background; a portal
 * frame keeps the DOM part and a cache of readings per rules answer (issue 13.5: the content script's size). The
 * mapping a frame makes from the background's readings must be the mapping the pure reading makes.
 */
const pack = bundledPack();
const defs = fieldViews(pack.fields);
const lexicon = labelLexicon(defs);
const fieldsOf = (list: ReturnType<typeof mapControls>) => list.map((f) => `${f.id || f.name}→${f.key}`);

describe('the readings a frame gets', () => {
  it('say the field keyForLabel finds, or else the fields the core label is near', () => {
    const labels = ['身份证号码', '申请人手机号码', '劳动合同签署日期', '紧急联系人手机', '姓名（代办人）', '', '备注'];
    const readings = readLabels(localClassifier(defs), labels);
    labels.forEach((label, i) => {
      const key = keyForLabel(label, lexicon);
      expect(readings[i]?.key, label).toBe(key);
      // Near fields are asked for only where no field is named (field-context.ts).
      if (key) expect(readings[i]?.near, label).toBeUndefined();
    });
    expect(readings[0]?.key).toBe('idNumber');
    // A swapped word names no field by itself: the page as context decides (field-context.ts), from these.
    expect(readings[2]).toEqual({ near: expect.arrayContaining([['contractStart', expect.any(Number)], ['contractEnd', expect.any(Number)]]) });
  });

  it('map every replica page as the pure reading does, through a JSON answer and the cache', () => {
    let compared = 0;
    for (const r of REPLICAS) {
      const doc = replicaDocument(r, 'rendered');
      const d = detectPage(new URL(r.url), doc);
      const views = withPageHints(defs, pack.pages.find((p) => p.id === d?.page), d?.business);
      const direct = mapControls(doc, readControls(doc), views, localClassifier(views));
      expect(fieldsOf(mapFields(doc, views)), r.name).toEqual(fieldsOf(direct));
      compared += direct.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('a frame\'s cache of readings', () => {
  it('asks once for each label it has not read, none for a burst of labels it has', () => {
    const cache = new LabelCache();
    expect(cache.missing(['姓名', '姓名', '', '手机号码'])).toEqual(['姓名', '手机号码']);
    cache.add(['姓名', '手机号码'], readLabels(localClassifier(defs), ['姓名', '手机号码']));
    expect(cache.missing(['手机号码', '姓名'])).toEqual([]);
    expect(cache.missing(['手机号码', '电子邮箱'])).toEqual(['电子邮箱']);
    expect(cache.key('手机号码')).toBe('mobile');
  });

  it('reads a text past a request\'s bound as naming no field, without asking', () => {
    const cache = new LabelCache();
    const long = `姓名${'说明'.repeat(MAX_LABEL_TEXT)}`;
    expect(cache.missing([long])).toEqual([]);
    expect(cache.key(long)).toBeUndefined();
  });

  it('keeps near fields by core label, only for labels that name none', () => {
    const cache = new LabelCache();
    const labels = ['劳动合同签署日期：', '身份证号码'];
    cache.add(labels, readLabels(localClassifier(defs), labels));
    expect([...cache.near(coreLabel('劳动合同签署日期：')).keys()].sort()).toEqual(['contractEnd', 'contractStart']);
    expect(cache.near(coreLabel('身份证号码')).size).toBe(0);
  });
});

describe('the background answers readings', () => {
  const { routes } = testRoutes({ db: () => openJzsDB('label-reading-test') });
  const zwdt: SenderInfo = { kind: 'content', portal: 'jinan-zwdt', tabId: 3, frameId: 0, url: 'http://124.128.226.254:8090/x' };
  const msg = (name: string, data: unknown) => ({ jzs: 1, name, data });

  it('with the page rules (one hop), and on their own for labels rendered later', async () => {
    forgetPackCache();
    const labels = ['证件号码', '联系电话'];
    const rules = await dispatch(routes, msg('cs:pageRules', { portal: 'jinan-zwdt', page: 'zwdt-declaration', labels }), zwdt);
    expect(rules).toMatchObject({ ok: true, data: { readings: readLabels(localClassifier(defs), labels) } });
    const later = await dispatch(routes, msg('cs:labels', { labels: ['电子邮箱'] }), zwdt);
    expect(later).toEqual({ ok: true, data: { readings: [{ key: 'email' }] } });
  });

  it('refuses a text past the bound, and an extension page asking as a frame', async () => {
    const long = await dispatch(routes, msg('cs:labels', { labels: ['x'.repeat(MAX_LABEL_TEXT + 1)] }), zwdt);
    expect(long).toMatchObject({ ok: false, error: { code: 'errors.request.bad' } });
    const page: SenderInfo = { kind: 'extension', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' };
    expect(await dispatch(routes, msg('cs:labels', { labels: ['姓名'] }), page)).toMatchObject({ ok: false, error: { code: 'errors.request.forbidden' } });
  });
});

describe('a label asking for a spare or second value of a field', () => {
  // A profile holds one mobile, one e-mail, one address: a box for a spare or second one (备用手机号, 第二联系电话,
  // 手机号（备用）, 联系电话2) asks for another value, and filling the same one there is not what the form asks.
  // Generated over every field's own labels (rules/shared/fields.json) with a fixed seed, so no one wording is tuned.
  const r = rng(20261202);
  const spare: Array<(label: string) => string> = [
    (l) => `${pick(r, ['备用', '第二', '其他', '另一', '备选'])}${l}`,
    (l) => `${l}${pick(r, ['（备用）', '(备用)', '【第二】', '（其他）', '[备选]'])}`,
    (l) => `${l}${pick(r, ['2', '二', '3'])}`,
  ];
  const own = defs.flatMap((d) => (d.labels ?? []).filter((l) => l.length >= 2 && keyForLabel(l, lexicon) === d.key).map((l) => [l, d.key] as const));

  it('is read as no field, while the plain label is read as the field', () => {
    expect(own.length).toBeGreaterThan(40);
    const misread = own.flatMap(([label, key]) => spare.map((make) => make(label)).filter((v) => keyForLabel(v, lexicon) === key).map((v) => `${v}→${key}`));
    expect(misread).toEqual([]);
  });

  it('leaves the first of a numbered pair and the applicant\'s current value the field', () => {
    for (const [label, key] of [['联系电话1', 'phone'], ['手机号码一', 'mobile'], ['常用手机号', 'mobile'], ['新手机号', 'mobile'], ['申请人电子邮箱', 'email']] as const) expect(keyForLabel(label, lexicon), label).toBe(key);
  });
});
