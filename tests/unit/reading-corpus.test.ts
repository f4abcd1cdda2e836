/**
 * Reading portal pages we did not write (review, fresh eyes): material tables and 办件 pages generated in
 * habits the replicas do not have (tests/fixtures/mutation/tables.ts, cases.ts; fixed seeds). What a user
 * would notice: a material ticked off that the page does not show as given (never), one the page shows as
 * given left missing, a wrong 办件 status or 补正意见 (never).
 */
import { describe, expect, it } from 'vitest';
import { readMaterialTables } from '../../src/portals/material-table';
import { bundledPack } from '../../src/rules/bundled';
import { matchMaterial } from '../../src/rules/status';
import { checklistView } from '../../src/rules/view';
import { BUSINESS_IDS } from '../../src/domain/ids';
import { materialTable, type TableMaterial } from '../fixtures/mutation/tables';
import { detailPage, listPage } from '../fixtures/mutation/cases';
import { getPortalCases } from '../../src/cases/portal-status';
import { bundledCaseStatusRules } from '../../src/rules/case-statuses';
import { detectPage } from '../../src/portals/detect';
import { REPLICAS } from '../fixtures/replicas';
import { withChrome } from '../fixtures/mutation/chrome';
import { parseReplica, readFixture } from '../helpers/replica-dom';
import { opinion } from '../fixtures/mutation/opinions';
import { materialsNamedIn } from '../../src/ui/panel/tab-model';

const pack = bundledPack();
const doc = (body: string) => new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
const VARIANTS = process.env.TZ === 'Asia/Shanghai' ? 40 : 6;
const CHROME_VARIANTS = process.env.TZ === 'Asia/Shanghai' ? 12 : 2;

describe('material tables in habits we did not write', () => {
  for (const business of BUSINESS_IDS) {
    const items = checklistView(pack, business).items.flatMap((i) => [i, ...i.subItems]);
    // The material's own name and aliases: the portal writes one of them, decorated (notes, 序号, 复印件).
    const materials: TableMaterial[] = items.map((i) => ({ id: i.id, names: [i.name, ...i.aliases].filter((n) => !/[（(、]/.test(n)) }));
    it(`${business}: exactly the materials the table shows as given are ticked off, on ${VARIANTS} variants`, () => {
      const missed: string[] = [];
      for (let seed = 1; seed <= VARIANTS; seed++) {
        const v = materialTable(materials, seed * 7919 + business.length);
        const read = readMaterialTables(doc(v.html));
        const shown = new Set(read.filter((r) => r.hasFile).map((r) => matchMaterial(r.name, items)?.id).filter((id) => id !== undefined));
        const given = new Set(v.rows.flatMap((r) => (r.given && r.id ? [r.id] : [])));
        const wrong = [...shown].filter((id) => !given.has(id));
        // Never: a material ticked off that the page does not show as given.
        expect(wrong, `seed ${seed} (${v.layout}) ticked ${wrong.join(', ')}:\n${v.html}`).toEqual([]);
        // A table showing one page of several says so (its other pages' materials are not read), and only then.
        expect(read.map((x) => x.paged === true), `seed ${seed} (${v.layout}) paged:\n${v.html}`).toEqual(read.map(() => v.paged));
        missed.push(...[...given].filter((id) => !shown.has(id)).map((id) => `seed ${seed} (${v.layout}): ${id} «${v.rows.find((r) => r.id === id)?.name}»`));
      }
      expect(missed).toEqual([]);
    });
  }
});

describe('办件 pages in habits we did not write', () => {
  const labels = bundledCaseStatusRules().labels;
  // The status words the popup and panel pass: a badge with no label may be read with them, never over a label's value.
  const words = bundledCaseStatusRules().groups.flatMap((g) => g.texts);
  it(`办件详情: the status, 补正意见 and deadline the page shows, never another text, on ${VARIANTS * 4} variants`, () => {
    for (let seed = 1; seed <= VARIANTS * 4; seed++) {
      const { html, truth } = detailPage(seed);
      const found = getPortalCases(doc(html), labels, undefined, words);
      expect(found.length, `seed ${seed}:\n${html}`).toBe(1);
      const [one] = found;
      expect({ status: one?.statusText, serial: one?.serial, correction: one?.correction, deadline: one?.correctionDeadline, appliedOn: one?.appliedOn }, `seed ${seed}:\n${html}`).toEqual({
        status: truth.status,
        serial: truth.serial,
        correction: truth.correction,
        deadline: truth.deadline,
        appliedOn: truth.appliedOn,
      });
    }
  });

  it(`我的申请: the rows of the list and nothing from its search form, on ${VARIANTS * 4} variants`, () => {
    for (let seed = 1; seed <= VARIANTS * 4; seed++) {
      const { html, truth } = listPage(seed);
      const found = getPortalCases(doc(html), labels, undefined, words);
      expect(found.map((c) => [c.serial, c.statusText, c.appliedOn]), `seed ${seed}:\n${html}`).toEqual(truth.map((t) => [t.serial, t.status, t.appliedOn]));
    }
  });
});

describe('pages inside chrome we did not write', () => {
  for (const r of REPLICAS.filter((x) => x.page)) {
    it(`${r.name}: the page and its business come out as on the replica, on ${CHROME_VARIANTS} variants`, () => {
      const source = readFixture(r.file, r.charset);
      const off: string[] = [];
      for (let seed = 1; seed <= CHROME_VARIANTS; seed++) {
        const d = detectPage(new URL(r.url), parseReplica(withChrome(source, seed * 31 + r.name.length), seed % 2 ? 'source' : 'rendered'));
        if (d?.page !== r.page || d.business !== r.business) off.push(`seed ${seed}: ${d?.page} ${d?.business ?? '-'}`);
      }
      expect(off).toEqual([]);
    });
  }
});

describe('补正意见 in the words a reviewer writes', () => {
  for (const business of BUSINESS_IDS) {
    const view = checklistView(pack, business);
    const materials = view.items.flatMap((i) => [i, ...i.subItems]).map((i) => ({ id: i.id, names: [i.name, ...i.aliases] }));
    it(`${business}: the materials it names come first, never one it only contains, on ${VARIANTS * 2} variants`, () => {
      const missed: string[] = [];
      for (let seed = 1; seed <= VARIANTS * 2; seed++) {
        const v = opinion(materials, seed * 104729 + business.length);
        const found = materialsNamedIn(v.text, view.items).map((i) => i.id);
        // Never: a material put first (and named in the panel) that the opinion does not ask for.
        expect(found.filter((id) => !v.truth.includes(id)), `seed ${seed}: ${v.text}`).toEqual([]);
        if (found.join() !== v.truth.join()) missed.push(`seed ${seed}: ${v.text} → ${found.join()} (truth ${v.truth.join()})`);
      }
      expect(missed).toEqual([]);
    });
  }
});
