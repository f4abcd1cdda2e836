import type { BusinessId } from '../domain/ids';
import { portalOfOrigin, type PortalId } from './origins';
import { pagesOf } from './registry';

export interface Detection {
  portal: PortalId;
  page: string;
  business?: BusinessId;
}

/**
 * Which portal page a document is. Pure: reads the URL and the DOM only. The URL test runs first (cheap),
 * then the DOM markers; a frame of a portal that shows none of our pages yields undefined.
 */
export function detectPage(url: URL, doc: Document): Detection | undefined {
  const portal = portalOfOrigin(url.origin);
  if (!portal) return undefined;
  for (const page of pagesOf(portal)) {
    if (!page.url(url) || !page.dom(doc)) continue;
    const business = page.business?.(doc, url);
    return business ? { portal, page: page.id, business } : { portal, page: page.id };
  }
  return undefined;
}

/** Every page that claims the document: used by tests to prove that exactly one does. */
export function matchingPages(url: URL, doc: Document): string[] {
  const portal = portalOfOrigin(url.origin);
  if (!portal) return [];
  return pagesOf(portal)
    .filter((p) => p.url(url) && p.dom(doc))
    .map((p) => p.id);
}
