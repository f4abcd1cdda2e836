import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage, matchingPages } from '../../src/portals/detect';
import { builtinPages } from '../../src/portals/registry';
import { BUILTIN_PAGE_DATA } from '../../src/portals/builtin-pages';
import { PageDefinition } from '../../src/rules/schema';
import { REPLICAS } from '../fixtures/replicas';
import { replicaDocument, replicasWithState } from '../helpers/replica-dom';

/**
 * The cross-negative matrix (style.md, github-url-detection): every detector is true on its own replicas and
 * false on every other replica, on the served source and on the rendered DOM alike.
 */
describe('page detection matrix', () => {
  for (const { replica, state } of replicasWithState()) {
    it(`${replica.name} (${state}) is detected as ${replica.page ?? 'nothing'}`, () => {
      const url = new URL(replica.url);
      const doc = replicaDocument(replica, state);
      const claimed = replica.level ? [] : matchingPages(url, doc);
      const expected = replica.page && !replica.level ? [replica.page] : [];
      const wrong = claimed.filter((id) => id !== replica.page);
      expect(
        wrong,
        `detector(s) ${wrong.join(', ')} also claim ${replica.file}: tighten the detector, or fix the fixture if it is unfaithful`,
      ).toEqual([]);
      expect(
        claimed,
        `${replica.page} does not recognise ${replica.file}: fix the detector or the fixture`,
      ).toEqual(expected);
      const detection = detectPage(url, doc);
      expect(detection?.page).toBe(replica.page ?? undefined);
      if (replica.page) expect(detection?.level).toBe(replica.level ?? 'page');
      if (replica.page) expect(detection?.portal).toBe(replica.portal);
    });
  }

  it('reads the business from the page itself', () => {
    for (const r of REPLICAS.filter((x) => x.business)) {
      const detection = detectPage(new URL(r.url), replicaDocument(r, 'rendered'));
      expect(detection?.business, r.name).toBe(r.business);
    }
  });

  it('detects nothing on a portal origin with another port or on other hosts', () => {
    const r = REPLICAS[0]!;
    const doc = replicaDocument(r, 'source');
    expect(detectPage(new URL('http://124.128.19.211:82/organizationalztree/orgindex'), doc)).toBeUndefined();
    expect(detectPage(new URL('http://example.com/organizationalztree/orgindex'), doc)).toBeUndefined();
  });
});

describe('page definitions as data (rules/pages)', () => {
  const PAGES = builtinPages();
  const dir = join(import.meta.dirname, '..', '..', 'rules', 'pages');

  it('has one file per page, named by its id, every one bundled and valid against the schema', () => {
    const files = readdirSync(dir).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(PAGES.map((p) => p.id).sort());
    for (const data of BUILTIN_PAGE_DATA) {
      const parsed = PageDefinition.safeParse(data);
      expect(parsed.success, parsed.error?.message).toBe(true);
    }
  });

  it('gives every page a unique kebab-case id and at least one replica', () => {
    const ids = PAGES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(
        REPLICAS.some((r) => r.page === id),
        `page ${id} has no replica in tests/fixtures/replicas.ts`,
      ).toBe(true);
    }
  });

  it('names every page in Chinese and English', () => {
    for (const p of BUILTIN_PAGE_DATA.map((d) => PageDefinition.parse(d))) {
      expect(p.name).toMatch(/\p{Script=Han}/u);
      expect(p.nameEn).toMatch(/[a-z]/i);
    }
  });

  it('keeps replica names unique and their frames resolvable', () => {
    const names = REPLICAS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of REPLICAS) for (const f of r.frames ?? []) expect(names).toContain(f);
  });
});
