import type { BusinessId } from '../domain/ids';
import { readBusiness } from './business';
import { bodyText, fillableCount } from './dom';
import { matches } from './markers';
import type { PageDetector } from './page';
import { portalOfOrigin, type PortalId } from './origins';
import { pagesOf } from './registry';

/**
 * How sure the recognition is: `page` = URL and DOM markers of a definition agree (or, for pages whose path
 * is not public, the markers alone); `family` = the URL names a page family but its markers are missing
 * (other wording) while the page shows a form or a table; `portal` = a portal page with a form no
 * definition claims (`<portal>-unrecognised`, contract.md).
 */
export type Level = 'page' | 'family' | 'portal';
const CONFIDENCE: Record<Level, number> = { page: 1, family: 0.6, portal: 0.3 };

export interface Detection {
  portal: PortalId;
  page: string;
  business?: BusinessId;
  level: Level;
  confidence: number;
}

export const unrecognisedId = (portal: PortalId): string => `${portal}-unrecognised`;

/**
 * A page that asks for a password and little else (login), or a short page whose text is about an ended
 * session or an error: never a form to fill, whatever its URL (the portals answer a form's URL with them).
 * Account registration (password plus several other fields) is not one. The content script checks again once
 * it knows the field lexicon: a password page with no applicant field is a login.
 */
export function isGatePage(doc: Document): boolean {
  // Both kinds have few controls: a form page is ruled out before its whole text is read.
  if (fillableCount(doc) > 3) return false;
  if (doc.querySelector('input[type=password], .mini-password') !== null) return true;
  const text = bodyText(doc);
  return text.length < 400 && /(登录|登陆|会话|session|令牌|token)[^。，]{0,8}(超时|失效|过期|expired|timeout)|重新登录|请先登录|未登录|系统(错误|异常|繁忙)|出错了|\b(404|500|502|503)\b/i.test(text);
}

/** Something worth helping with: a form (two or more fillable controls) or a table. */
function hasContent(doc: Document): boolean {
  return fillableCount(doc) >= 2 || doc.querySelector('table tr + tr, .mini-grid') !== null;
}

function pathMatches(page: PageDetector, url: URL): boolean {
  return page.path === undefined || new RegExp(page.path, 'i').test(url.pathname);
}

function businessOf(page: PageDetector | undefined, doc: Document, url: URL): BusinessId | undefined {
  if (page?.business === 'none') return undefined;
  return page?.business ?? readBusiness(doc, url);
}

function result(portal: PortalId, page: PageDetector | undefined, level: Level, doc: Document, url: URL): Detection {
  const business = businessOf(page, doc, url);
  const id = page?.id ?? unrecognisedId(portal);
  return { portal, page: id, level, confidence: CONFIDENCE[level], ...(business ? { business } : {}) };
}

/**
 * Which portal page a document is, in layers: portal by origin → gate pages (login, timeout, error) out →
 * a definition whose path and markers agree → a definition whose path alone agrees, on a page with a form or
 * table → `<portal>-unrecognised` for any other page with a form. Pure: reads the URL and the DOM only.
 */
export function detectPage(url: URL, doc: Document): Detection | undefined {
  const portal = portalOfOrigin(url.origin);
  if (!portal || isGatePage(doc)) return undefined;
  const pages = pagesOf(portal).filter((p) => pathMatches(p, url));
  const exact = pages.find((p) => matches(doc, p.markers));
  if (exact) return result(portal, exact, 'page', doc, url);
  if (!hasContent(doc)) return undefined;
  const family = pages.find((p) => p.path !== undefined);
  if (family) return result(portal, family, 'family', doc, url);
  return fillableCount(doc) >= 2 ? result(portal, undefined, 'portal', doc, url) : undefined;
}

/** Every page whose path and markers claim the document: used by tests to prove that exactly one does. */
export function matchingPages(url: URL, doc: Document): string[] {
  const portal = portalOfOrigin(url.origin);
  if (!portal) return [];
  return pagesOf(portal)
    .filter((p) => pathMatches(p, url) && matches(doc, p.markers))
    .map((p) => p.id);
}

/** Fields that say a form is about the applicant (a login form asks for none of them). */
const APPLICANT_FIELDS = new Set(['name', 'idNumber', 'mobile', 'birthDate', 'gender', 'employerName', 'employerCreditCode', 'qualificationCertNo', 'registrationNo']);

/**
 * The second look, once the field lexicon is known (it comes with the page rules): a page with a password
 * field and no applicant field is a login, whatever its URL or markers; an unrecognised page needs at least
 * one field we know to be worth a panel.
 */
export function formAccepted(doc: Document, d: Detection, mappedKeys: readonly string[]): boolean {
  const applicant = mappedKeys.some((k) => APPLICANT_FIELDS.has(k));
  if (!applicant && doc.querySelector('input[type=password], .mini-password')) return false;
  return d.level !== 'portal' || applicant;
}
