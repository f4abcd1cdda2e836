/**
 * The page definitions in force: the built-in ones (rules/pages/*.json), replaced or extended by those of an
 * imported rule pack when the background sends them. Order matters only for ties; the detection matrix
 * proves that no two definitions claim one replica.
 */
import { BUILTIN_PAGE_DATA } from './builtin-pages';
import type { PageDetector } from './page';
import type { PortalId } from './origins';

// The JSON files are validated by the rule-pack schema in tests and on import; the content script carries no
// zod. Typed as detectors only: the content bundle keeps just those keys (wxt.config.ts stripPageNames).
// why: JSON imports widen literal unions (portal ids, marker kinds) to string; the schema test is the check.
const BUILTIN = BUILTIN_PAGE_DATA as readonly PageDetector[];

let pages: readonly PageDetector[] = BUILTIN;

export function builtinPages(): readonly PageDetector[] {
  return BUILTIN;
}

/** The pack's definitions win by id; built-in pages the pack does not name stay. Returns whether anything changed. */
export function usePageDefinitions(overrides: readonly PageDetector[]): boolean {
  const byId = new Map(BUILTIN.map((p) => [p.id, p]));
  for (const p of overrides) byId.set(p.id, p);
  const next = [...byId.values()];
  const changed = JSON.stringify(next) !== JSON.stringify(pages);
  pages = next;
  return changed;
}

export function allPages(): readonly PageDetector[] {
  return pages;
}

export function pagesOf(portal: PortalId): PageDetector[] {
  return pages.filter((p) => p.portal === portal);
}

export function pageById(id: string): PageDetector | undefined {
  return pages.find((p) => p.id === id);
}
