/**
 * Pure helpers around rule packs: versions, validation of an imported file with Chinese errors that name
 * the bad field's path, the active pack choice.
 */
import { isRecord } from '../domain/records';
import type { MessageKey, Params } from '../i18n';
import { CodedError } from '../i18n/problem';
import { type PageDefinition, RulePack } from './schema';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Where in the pack an issue is, readable: businesses[2]（change）.materials[4]（labor-contract）.note */
export function describePath(data: unknown, path: ReadonlyArray<PropertyKey>): string {
  let node: unknown = data;
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
      const id = isRecord(node) ? (node.id ?? node.key) : undefined;
      if (typeof id === 'string') out += `（${id}）`;
    } else {
      out += out ? `.${String(seg)}` : String(seg);
      node = isRecord(node) ? node[seg] : undefined;
    }
  }
  return out || '（文件顶层）';
}

/**
 * A pack file refused: a catalogue key and parameters, plus `details` — where in the pack each problem is and
 * what the schema says of it (the rule data's own Chinese wording, meant for whoever edits the pack).
 */
export class PackError extends CodedError {
  constructor(
    code: MessageKey,
    params: Params,
    readonly details: string[] = [],
  ) {
    super(code, params);
    this.name = 'PackError';
  }
}

const MAX_PACK_BYTES = 5 * 1024 * 1024;

/** Parse and validate a pack file's text. Throws PackError; never half-accepts. */
export function parsePackText(text: string, fileName: string): RulePack {
  if (text.length > MAX_PACK_BYTES) throw new PackError('errors.pack.tooBig', { file: fileName, max: MAX_PACK_BYTES / 1024 / 1024 });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new PackError('errors.pack.notJson', { file: fileName }, [detail]);
  }
  if (!isRecord(data) || data.format !== 'jzs-rule-pack') {
    throw new PackError('errors.pack.notPack', { file: fileName });
  }
  const result = RulePack.safeParse(data);
  if (!result.success) {
    const details = result.error.issues.slice(0, 20).map((i) => `${describePath(data, i.path)}：${i.message}`);
    const first = details[0] ?? '';
    throw new PackError('errors.pack.invalid', { file: fileName, first }, details);
  }
  return result.data;
}

/** Only a pack newer than both the bundled one and the one in force may be imported. */
export function checkNewer(candidate: RulePack, bundled: RulePack, active: RulePack): void {
  if (compareVersions(candidate.version, bundled.version) <= 0) {
    throw new PackError('errors.pack.notNewerThanBundled', { version: candidate.version, bundled: bundled.version });
  }
  if (compareVersions(candidate.version, active.version) <= 0) {
    throw new PackError('errors.pack.notNewer', { version: candidate.version, active: active.version });
  }
}

/** Pick the pack in force: a stored import if it is valid and newer than the bundle, else the bundle. */
export function choosePack(bundled: RulePack, stored: unknown): { pack: RulePack; source: 'bundled' | 'imported' } {
  if (stored === undefined) return { pack: bundled, source: 'bundled' };
  const result = RulePack.safeParse(stored);
  if (!result.success || compareVersions(result.data.version, bundled.version) <= 0) return { pack: bundled, source: 'bundled' };
  return { pack: result.data, source: 'imported' };
}


/** The page definitions a pack puts in force: the bundled ones, replaced or extended by the pack's (by id). */
export function pagesInForce(bundled: RulePack, pack: RulePack): Map<string, PageDefinition> {
  const out = new Map(bundled.pages.map((p) => [p.id, p]));
  for (const p of pack.pages) out.set(p.id, p);
  return out;
}

export interface PageChange {
  id: string;
  kind: 'added' | 'changed' | 'reverted';
}

/**
 * What importing `candidate` would change in page recognition (a pack decides where an ID number may be
 * written, so the user sees this and confirms first). Editor hints ($schema) are not changes.
 */
export function pageChanges(bundled: RulePack, current: RulePack, candidate: RulePack): PageChange[] {
  const strip = (p: PageDefinition | undefined) => (p ? JSON.stringify({ ...p, $schema: undefined }) : undefined);
  const before = pagesInForce(bundled, current);
  const after = pagesInForce(bundled, candidate);
  const out: PageChange[] = [];
  for (const [id, p] of after) {
    const was = before.get(id);
    if (!was) out.push({ id, kind: 'added' });
    else if (strip(was) !== strip(p)) out.push({ id, kind: strip(p) === strip(bundled.pages.find((b) => b.id === id)) ? 'reverted' : 'changed' });
  }
  return out;
}
