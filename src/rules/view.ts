import type { BusinessId } from '../domain/ids';
import type { PortalId } from '../portals/origins';
import type { BusinessRules, Check, Condition, Material, RulePack, SubItem } from './schema';
import type { CheckView, ChecklistView, ItemView, StepView } from './status';
import { CodedError } from '../i18n/problem';

function checkView(c: Check, b?: BusinessRules): CheckView {
  // The renewal window's days are stated once, in the business's renewalTiming (src/rules/renewal.ts).
  const timing = c.kind === 'renewal-window' ? b?.renewalTiming : undefined;
  const params = timing ? { ...c.params, minDays: timing.lastDaysBefore, maxDays: timing.earlyWarnDaysBefore } : c.params;
  return { id: c.id, kind: c.kind, severity: c.severity, params, fields: c.fields, when: c.when, notWhen: c.notWhen, text: c.text, textEn: c.textEn, source: c.source };
}

/** Kinds that hold whatever the business: run on pages that show no business (基本资料). */
const GENERIC_KINDS = new Set(['id-matches-birth-gender', 'not-in-future', 'start-not-after-end']);

export function genericChecks(pack: RulePack): CheckView[] {
  const seen = new Set<string>();
  return pack.businesses
    .flatMap((b) => b.checks)
    .filter((c) => GENERIC_KINDS.has(c.kind) && !seen.has(c.id) && seen.add(c.id) !== undefined)
    .map((c) => checkView(c));
}

function itemView(m: Material | SubItem, conditions: readonly Condition[]): ItemView {
  const group = conditions.find((c) => c.id === m.condition)?.oneOf;
  return {
    id: m.id,
    name: m.name,
    nameEn: m.nameEn,
    note: m.note,
    noteEn: m.noteEn,
    aliases: m.aliases,
    seedItem: 'seedItem' in m ? m.seedItem : undefined,
    requirement: m.requirement,
    condition: m.condition,
    notWhen: m.notWhen,
    submit: m.submit,
    upload: m.upload,
    copies: m.copies,
    extraOf: 'extraOf' in m ? m.extraOf : undefined,
    editorialNote: m.editorialNote,
    editorialNoteEn: m.editorialNoteEn,
    alternatives: group ? conditions.filter((c) => c.oneOf === group).map((c) => c.id) : undefined,
    source: m.source,
    effectiveFrom: m.effectiveFrom,
    subItems: ('subItems' in m ? (m.subItems ?? []) : []).map((s) => itemView(s, conditions)),
  };
}

export function businessOf(pack: RulePack, id: BusinessId): BusinessRules {
  const b = pack.businesses.find((x) => x.id === id);
  if (!b) throw new CodedError('errors.pack.unknownBusiness', { id });
  return b;
}

/** The checklist of a business; with `portal`, only the steps on that portal (plus portal-less ones). */
export function checklistView(pack: RulePack, id: BusinessId, portal?: PortalId): ChecklistView {
  const b = businessOf(pack, id);
  const steps: StepView[] = b.steps
    .map((sid) => pack.steps.find((s) => s.id === sid))
    .filter((s) => s !== undefined)
    .filter((s) => !portal || !s.portal || s.portal === portal)
    .map((s) => ({ id: s.id, portal: s.portal, page: s.page, text: s.text, textEn: s.textEn }));
  return {
    packVersion: pack.version,
    lastVerified: pack.lastVerified,
    business: { id: b.id, name: b.name, nameEn: b.nameEn, summary: b.summary, summaryEn: b.summaryEn },
    conditions: b.conditions
      .map((cid) => pack.conditions.find((c) => c.id === cid))
      .filter((c) => c !== undefined)
      .map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, field: c.field, oneOf: c.oneOf, refusal: c.refusal })),
    items: b.materials.map((m) => itemView(m, pack.conditions)),
    bundles: b.bundles.map((x) => ({ id: x.id, name: x.name, nameEn: x.nameEn, note: x.note, noteEn: x.noteEn, parts: x.parts, upload: x.upload })),
    steps,
    checks: b.checks.map((c) => checkView(c, b)),
  };
}
