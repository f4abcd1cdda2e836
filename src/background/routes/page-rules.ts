/** What a portal page gets from the background: its rules (names, checklist, fields, checks) in the user's language. */
import { BUSINESS_NAMES } from '../../domain/ids';
import { isRecord } from '../../domain/records';
import { FIELDS } from '../../domain/fields';
import { CodedError } from '../../i18n/problem';
import { contentEn, hintsEn, hintsZh } from '../../i18n/all';
import { type Lang, t } from '../../i18n';
import type { ContentPageRules, FieldDefinitionView, LanguageView, PageRules, PageRulesRequest, PanelRules } from '../../messaging/protocol';
import { unrecognisedId } from '../../portals/detect';
import { type Classifier, type LabelReading, localClassifier, readLabels, withPageHints } from '../../portals/fields';
import { expectedFields } from '../../portals/page';
import { PORTAL_NAMES } from '../../portals/portal-names';
import type { FieldDefinition, RulePack } from '../../rules/schema';
import { activePack } from '../../rules/store';
import { contentChecklist } from '../../rules/status';
import { checklistView, genericChecks } from '../../rules/view';
import type { RouteContext } from './context';

/** What a content script needs to speak the user's language (it bundles Chinese only). */
export function languageView(lang: Lang, withCatalogue: boolean): LanguageView {
  return lang === 'en' && withCatalogue ? { lang, catalogue: mergeGroups(contentEn, hintsEn) } : { lang };
}

/** Two catalogues as one, a group both have (errors) merged rather than the second's replacing the first's. */
function mergeGroups(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const mine = out[k];
    out[k] = isRecord(mine) && isRecord(v) ? { ...mine, ...v } : v;
  }
  return out;
}

/** What a page needs of each field: portal data (labels, ids) from the pack, the rest from the field table. */
export function fieldViews(defs: ReadonlyArray<Pick<FieldDefinition, 'key' | 'labels' | 'ids'>>): FieldDefinitionView[] {
  return defs.map(({ key, labels, ids }) => {
    const { name, type, vocabulary, validate, openEnded, range } = FIELDS[key];
    return { key, name: name.zh, nameEn: name.en, type, validate, openEnded, range, labels: [name.zh, ...labels], ids, vocabulary };
  });
}

/** The label reading over a pack's lexicon, built once per pack (a pack in force is one object: rules/store.ts). */
const classifiers = new WeakMap<RulePack, Classifier>();
function classifierOf(pack: RulePack): Classifier {
  let classifier = classifiers.get(pack);
  if (!classifier) {
    classifier = localClassifier(fieldViews(pack.fields));
    classifiers.set(pack, classifier);
  }
  return classifier;
}

/** What a portal frame's label texts name, by the pack in force (src/content/label-cache.ts asks). */
export async function labelReadings({ db }: Pick<RouteContext, 'db'>, labels: readonly string[]): Promise<LabelReading[]> {
  const { pack } = await db().then(activePack);
  return readLabels(classifierOf(pack), labels);
}

/** The rules of one page of the asking portal: one the pack defines, or the portal's unrecognised page. */
export async function pageRules({ db, language }: Pick<RouteContext, 'db' | 'language'>, req: PageRulesRequest): Promise<PageRules> {
  const [{ pack, source }, lang] = await Promise.all([db().then(activePack), language()]);
  // Pages of the asking portal only: one the pack defines, or the portal's unrecognised page (a form no
  // definition claims).
  const defined = pack.pages.find((p) => p.id === req.page);
  if (req.page !== unrecognisedId(req.portal) && defined?.portal !== req.portal) throw new CodedError('errors.request.unknownPage', { page: req.page, portal: req.portal });
  const portal = PORTAL_NAMES[req.portal];
  const rules: PageRules = {
    packVersion: pack.version,
    portal: { id: req.portal, nameZh: portal.nameZh, nameEn: portal.nameEn },
    page: defined
      ? { id: defined.id, nameZh: defined.name, nameEn: defined.nameEn }
      : { id: req.page, nameZh: t('recognition.unrecognisedPage', {}, 'zh'), nameEn: t('recognition.unrecognisedPage', {}, 'en') },
    checks: genericChecks(pack),
    fields: withPageHints(fieldViews(pack.fields), defined, req.business),
    expected: [...expectedFields(defined, req.business)],
    onlyFields: defined?.onlyFields,
    // An imported pack's page definitions reach the content script here (it bundles the built-in ones).
    ...(source === 'imported' && pack.pages.length ? { pages: pack.pages.map(({ $schema: _s, ...p }) => p) } : {}),
    language: languageView(lang, req.withCatalogue === true),
    // Validator messages in Chinese (the fallback language), not bundled in the size-budgeted content script.
    hints: hintsZh,
  };
  if (defined?.cases) rules.cases = true;
  if (req.labels) rules.readings = readLabels(classifierOf(pack), req.labels);
  if (req.business) {
    const b = BUSINESS_NAMES[req.business];
    rules.business = { id: req.business, nameZh: b.zh, nameEn: b.en };
    rules.checklist = checklistView(pack, req.business, req.portal);
    rules.checks = rules.checklist.checks;
  }
  // A 不予注册 finding quotes its rule's text in the page hint: the rule in the user's language, so an English
  // hint holds no Chinese sentence (the check view keeps both; the content script only reads `text`).
  if (lang === 'en') rules.checks = rules.checks.map((c) => (c.textEn ? { ...c, text: c.textEn } : c));
  return rules;
}

/**
 * A portal frame's rules, cut to what a content script reads: the checklist's materials with their names,
 * aliases and upload rules; the fields without their label texts (the background reads labels: `readings`);
 * the checks without their English wording (`text` is in the user's language already) and sources. Each
 * portal frame holds its answer in its own isolated world (two on a 网厅 declaration page); the notes, steps,
 * conditions, labels and the checks' second copy were over half of it (bench T4).
 */
export function contentRules({ checklist, fields, checks, ...rules }: PageRules): ContentPageRules {
  return {
    ...rules,
    fields: fields.map(({ labels: _read, ...field }) => field),
    checks: checks.map(({ textEn: _shown, source: _cited, ...check }) => check),
    ...(checklist ? { checklist: contentChecklist(checklist) } : {}),
  };
}

/** The panel frame's rules: what it draws (names, the checklist), not what a portal frame maps and checks with. */
export function panelRules({ packVersion, portal, page, business, checklist, cases }: PageRules): PanelRules {
  return { packVersion, portal, page, ...(business ? { business } : {}), ...(checklist ? { checklist } : {}), ...(cases ? { cases } : {}) };
}
