/**
 * Checklist views and their statuses: pure and zod-free, so the content script, the popup and the printable
 * page share them. The background builds a view from the pack (view.ts); statuses are recomputed wherever
 * the user toggles a condition or a page shows an upload.
 */
import type { BusinessId, FieldKey } from '../domain/ids';
import type { PortalId } from '../portals/origins';
import type { Submission } from './schema';

export type MaterialStatus = 'missing' | 'done' | 'not-needed';

export interface UploadRule {
  accept: Array<'pdf' | 'jpg' | 'png' | 'video'>;
  maxBytes?: number | undefined;
  single?: boolean | undefined;
  audio?: boolean | undefined;
  /** The formats are our advice, not a source's requirement. */
  advice?: boolean | undefined;
}

export interface ItemView {
  id: string;
  name: string;
  nameEn: string;
  note: string;
  /** The note in English (a pack written before it has none: the Chinese is shown alone). */
  noteEn?: string | undefined;
  aliases: string[];
  seedItem?: number | undefined;
  requirement: 'required' | 'conditional';
  condition?: string | undefined;
  notWhen: string[];
  submit: Submission[];
  upload?: UploadRule | undefined;
  copies?: number | undefined;
  extraOf?: string | undefined;
  /** 编者注 on a slip in the quoted text. */
  editorialNote?: string | undefined;
  editorialNoteEn?: string | undefined;
  /** When the item's condition is one of a one-of group (注销 reasons): all the group's conditions. Until one
   * of them is chosen the item is `missing` (contract.md). */
  alternatives?: string[] | undefined;
  source: { doc: string; section: string; inferred?: boolean | undefined };
  effectiveFrom: string;
  subItems: ItemView[];
}

export interface ConditionView {
  id: string;
  name: string;
  nameEn: string;
  field?: FieldKey | undefined;
  /** Radio group: exactly one condition of the group applies. */
  oneOf?: string | undefined;
  /** A 不予注册 case. */
  refusal?: boolean | undefined;
}

export interface BundleView {
  id: string;
  name: string;
  nameEn: string;
  note: string;
  noteEn?: string | undefined;
  parts: string[];
  upload: UploadRule;
}

export interface StepView {
  id: string;
  portal?: PortalId | undefined;
  page?: string | undefined;
  text: string;
  textEn: string;
}

export interface CheckView {
  id: string;
  kind: string;
  severity: 'error' | 'warning';
  params: Record<string, number>;
  fields: FieldKey[];
  /** Runs only while one of these conditions is set (empty: always). */
  when: string[];
  /** Does not run while one of these conditions is set. */
  notWhen: string[];
  text: string;
  textEn?: string | undefined;
  source: { doc: string; section: string; inferred?: boolean | undefined };
}

export interface ChecklistView {
  packVersion: string;
  /** The day the rules were last compared with their sources. */
  lastVerified: string;
  business: { id: BusinessId; name: string; nameEn: string; summary: string; summaryEn?: string | undefined };
  conditions: ConditionView[];
  items: ItemView[];
  bundles: BundleView[];
  steps: StepView[];
  checks: CheckView[];
}

/** Is an item needed under the conditions the user has set? */
export function isNeeded(item: ItemView, active: ReadonlySet<string>): boolean {
  if (item.requirement === 'conditional' && (!item.condition || !active.has(item.condition))) {
    // One of a group (高级别考试合格证 or 解聘证明): needed until the user says which applies.
    if (!item.alternatives?.length || item.alternatives.some((c) => active.has(c))) return false;
  }
  return !item.notWhen.some((c) => active.has(c));
}

/** Set or clear a condition; setting one of a one-of group clears the others (radio buttons). */
export function toggleCondition(conditions: readonly ConditionView[], active: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(active);
  if (!on) {
    next.delete(id);
    return next;
  }
  const group = conditions.find((c) => c.id === id)?.oneOf;
  if (group) for (const c of conditions) if (c.oneOf === group) next.delete(c.id);
  next.add(id);
  return next;
}

/** Does a rule-data check run under the conditions set? (变更 + 单位更名: no contract or 解聘 checks.) */
export function checkApplies(check: Pick<CheckView, 'when' | 'notWhen'>, active: ReadonlySet<string>): boolean {
  if (check.when.length > 0 && !check.when.some((c) => active.has(c))) return false;
  return !check.notWhen.some((c) => active.has(c));
}

/**
 * An item's status. A conditional item whose condition is not set is not-needed (contract.md). An item with
 * sub-items is done when every needed sub-item is done (or the item itself is marked done).
 */
export function statusOf(item: ItemView, active: ReadonlySet<string>, done: ReadonlySet<string>): MaterialStatus {
  if (!isNeeded(item, active)) return 'not-needed';
  if (done.has(item.id)) return 'done';
  const needed = item.subItems.filter((s) => isNeeded(s, active));
  if (needed.length > 0 && needed.every((s) => done.has(s.id))) return 'done';
  return 'missing';
}

/** Counts for a summary line: how many needed items are done. */
export function progress(view: ChecklistView, active: ReadonlySet<string>, done: ReadonlySet<string>) {
  let needed = 0;
  let complete = 0;
  for (const item of view.items) {
    const s = statusOf(item, active, done);
    if (s === 'not-needed') continue;
    needed++;
    if (s === 'done') complete++;
  }
  return { needed, done: complete };
}

function normName(s: string): string {
  return s.normalize('NFKC').replace(/[\s()（）【】[\]《》「」、，,.。:：;；*＊]/g, '');
}

/** Notes in brackets: （原件）, （须满一年以上）, 【必须】. */
const NOTES = /[(（【[][^)）】\]]*[)）】\]]/g;
/**
 * Words naming a kind of document. Chinese compounds end in what they are (their head): after a material's
 * name such a word makes another document of it — 身份证 + 视频 is a video, 劳动合同 + 解除证明 a proof of its end.
 * Copies, sides and scans (复印件, 正反面, 扫描件) leave it the same document.
 */
export const KIND = /视频|声明|证明|报告|申请|表|书|证|执照|合同|文件|函|单|登记|记录|说明|承诺/;
export const JOIN = /及|和|与|或|须|应|需|并/;
/** A party named before it makes it someone else's: 法定代表人身份证 is not the applicant's. */
export const PARTY = /(法定代表人|代理人|代办人|委托人|受托人|经办人|联系人)$/;

/**
 * Which material a row of a portal's material table stands for: its name or an alias equal to the row's
 * name, else the material whose name or alias ends last in the row (its head; the longest on a tie), brackets
 * aside (「诚信证明（社保缴纳证明）」→ 诚信证明, 「原注册证书遗失声明」→ the 遗失声明) — unless a kind of document
 * follows it or another party precedes it: a wrong match would tick a material off, so none is better.
 */
export function matchMaterial(rowName: string, items: readonly ItemView[]): ItemView | undefined {
  const full = normName(rowName);
  const all = items.flatMap((i) => [i, ...i.subItems]);
  const candidates = all.flatMap((item) => [item.name, ...item.aliases].map((n) => ({ item, n: normName(n) })));
  const exact = full && candidates.find((c) => c.n === full);
  if (exact) return exact.item;
  const row = normName(rowName.replace(NOTES, ''));
  let head: { item: ItemView; at: number; end: number } | undefined;
  for (const { item, n } of candidates) {
    const at = n.length >= 2 ? row.lastIndexOf(n) : -1;
    const end = at + n.length;
    if (at >= 0 && (!head || end > head.end || (end === head.end && at < head.at))) head = { item, at, end };
  }
  if (!head || KIND.test(row.slice(head.end)) || PARTY.test(row.slice(0, head.at))) return undefined;
  // Another material named before it with a word joining the two: a slot for both (劳动合同及社保证明) or a
  // sentence (身份证须与申请表一致), not one material.
  const lead = row.slice(0, head.at);
  if (JOIN.test(lead) && candidates.some((c) => c.item !== head.item && c.n.length >= 2 && lead.includes(c.n))) return undefined;
  return head.item;
}

/**
 * How much an upload check's findings weigh (issue 13.3). Errors that block 「已备齐」 are the ones with a
 * source: a size limit the rules cite, the one-PDF rule (个人信息更改: "扫描形成一个PDF文件（不大于2M）"), and a
 * file the portal could not read (damaged or encrypted PDF). The formats we expect elsewhere (PDF/JPG/PNG) are
 * our advice, without a source: a warning that does not block.
 */
export function uploadSeverity(codes: readonly string[], rule: UploadRule): 'error' | 'warning' | 'ok' {
  if (codes.length === 0) return 'ok';
  const blocking = codes.some(
    (c) =>
      c === 'upload.tooLarge' ||
      c === 'upload.single' ||
      c === 'upload.pdfBroken' ||
      c === 'upload.pdfEncrypted' ||
      (c === 'upload.type' && rule.single === true),
  );
  return blocking ? 'error' : 'warning';
}

/**
 * Materials that count as given: the page shows a file for them AND no upload check of ours found a blocking
 * error on the file chosen for them.
 */
export function givenMaterials(shown: Iterable<string>, uploads: ReadonlyArray<{ material: string; severity: string }>): Set<string> {
  const rejected = new Set(uploads.filter((u) => u.severity === 'error').map((u) => u.material));
  return new Set([...shown].filter((id) => !rejected.has(id)));
}
