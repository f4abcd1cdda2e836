import type { BusinessId, FieldKey } from '../domain/ids';
import type { PortalId } from './origins';

/**
 * A DOM marker, as data (rules/pages/*.json). Patterns are regular-expression sources matched against
 * normalised text (NFKC, spaces folded); `labels`: every pattern matches one of the page's labels (after
 * `normLabel`: no spaces, stars or colons). Combinators nest.
 */
export type Marker =
  | { heading: string }
  | { text: string }
  | { labels: string[] }
  | { element: string }
  | { button: string }
  /** At least this many fillable controls. */
  | { form: number }
  | { all: Marker[] }
  | { any: Marker[] }
  | { not: Marker };

/**
 * One page of one portal, as data: `rules/pages/<id>.json`, the file name being the page id (contract.md).
 * Bundled into the content script as they are; an imported rule pack may replace or add definitions.
 * Darkreader's fixes-as-data is the model: the code keeps only the machinery that reads these.
 */
export interface PageDefinition {
  readonly id: string;
  readonly portal: PortalId;
  readonly name: string;
  readonly nameEn: string;
  /**
   * Path test (a regular-expression source, case-insensitive) naming the page family. The Jinan paths are
   * known (domain.md); the provincial paths are not public, so provincial pages have none and rely on markers.
   */
  readonly path?: string | undefined;
  /** DOM markers. Required: these portals reuse one URL for several steps (and for login/timeout pages). */
  readonly markers: Marker;
  /** A page about one business whatever it shows, or `none` for pages that list several (我的申请). */
  readonly business?: BusinessId | 'none' | undefined;
  /**
   * Fields this page should show, per business (`*` for any). A missing one is reported in the overlay: that
   * is how we learn the real site differs from our replica.
   */
  readonly expects?: Readonly<Partial<Record<BusinessId | '*', readonly FieldKey[]>>> | undefined;
  /** Only these keys are mapped here (a company form's 联系人 is not the applicant). */
  readonly onlyFields?: readonly FieldKey[] | undefined;
  /** Element ids/names known on this page, per field key: a hint, never a requirement. */
  readonly ids?: Readonly<Partial<Record<FieldKey, readonly string[]>>> | undefined;
  /**
   * The page can show 办件 (a list's rows, a detail's status and 补正意见): only there does the panel read them
   * from the page's markup (src/ui/panel/use-tab-cases.ts), and again when the page's text changes.
   */
  readonly cases?: boolean | undefined;
}

export function expectedFields(page: Pick<PageDefinition, 'expects'> | undefined, business: BusinessId | undefined): readonly FieldKey[] {
  const e = page?.expects;
  return (business && e?.[business]) ?? e?.['*'] ?? [];
}

/**
 * What detection reads of a definition: all the content script carries of the built-in ones (wxt.config.ts
 * strips the rest from its bundle; names, expected fields and id hints come with the page rules).
 */
export type PageDetector = Pick<PageDefinition, 'id' | 'portal' | 'path' | 'markers' | 'business'>;
