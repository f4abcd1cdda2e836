import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage, matchingPages } from '../../src/portals/detect';
import { PAGE_NAMES } from '../../src/portals/page-names';
import { PAGES } from '../../src/portals/registry';
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
      const claimed = PAGES.filter((p) => p.url(url) && p.dom(doc)).map((p) => p.id);
      const expected = replica.page ? [replica.page] : [];
      const wrong = claimed.filter((id) => id !== replica.page);
      expect(
        wrong,
        `detector(s) ${wrong.join(', ')} also claim ${replica.file}: tighten the detector, or fix the fixture if it is unfaithful`,
      ).toEqual([]);
      expect(
        claimed,
        `${replica.page} does not recognise ${replica.file}: fix the detector or the fixture`,
      ).toEqual(expected);
      expect(matchingPages(url, doc)).toEqual(expected);
      const detection = detectPage(url, doc);
      expect(detection?.page).toBe(replica.page ?? undefined);
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

describe('page registry conventions', () => {
  const root = join(import.meta.dirname, '..', '..', 'src', 'portals');

  it('has one file per page, named by its id, under its portal', () => {
    const files = ['province', 'jinan-zwdt', 'jinan-zwfw'].flatMap((portal) =>
      readdirSync(join(root, portal, 'pages')).map((f) => `${portal}/${f.replace(/\.ts$/, '')}`),
    );
    expect(files.sort()).toEqual(PAGES.map((p) => `${p.portal}/${p.id}`).sort());
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
    expect(Object.keys(PAGE_NAMES).sort()).toEqual(PAGES.map((p) => p.id).sort());
    for (const n of Object.values(PAGE_NAMES)) expect(n.zh).toMatch(/\p{Script=Han}/u);
  });

  it('keeps replica names unique and their frames resolvable', () => {
    const names = REPLICAS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of REPLICAS) for (const f of r.frames ?? []) expect(names).toContain(f);
  });
});
