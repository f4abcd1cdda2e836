/**
 * The 办件 of a portal tab's frames, read in an extension page (the popup, the panel's frame) from the markup the
 * background took of each frame (tabs-api.ts `portalDocuments`): the one extractor (portal-status.ts) runs on an
 * inert parse, where none of the page's scripts run, so it does not ship in the size-budgeted content script.
 */
import { getPortalCases, type PortalCase, type PortalLabels } from './portal-status';

/**
 * The 办件 each document shows, by frame id (a document showing none maps to an empty list). `groups` (the
 * rules' status groups) give the status words a badge with no label may show.
 */
export function casesOfDocuments(pages: ReadonlyArray<{ frameId: number; url: string; html: string }>, labels: PortalLabels, groups: ReadonlyArray<{ texts: readonly string[] }> = []): Map<number, PortalCase[]> {
  const parser = new DOMParser();
  const words = groups.flatMap((g) => g.texts);
  return new Map(pages.map((p) => [p.frameId, getPortalCases(parser.parseFromString(p.html, 'text/html'), labels, p.url, words)]));
}

/** The 办件 a page is about: a detail page's one; on a list, the one with a correction request, if any. */
export function leadCase(cases: readonly PortalCase[]): PortalCase | undefined {
  return cases.length === 1 ? cases[0] : cases.find((c) => c.correction);
}
