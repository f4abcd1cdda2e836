/**
 * Pure helpers around rule packs: versions, validation of an imported file with Chinese errors that name
 * the bad field's path, the active pack choice.
 */
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
      const id = (node as { id?: unknown; key?: unknown } | undefined)?.id ?? (node as { key?: unknown } | undefined)?.key;
      if (typeof id === 'string') out += `（${id}）`;
    } else {
      out += out ? `.${String(seg)}` : String(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg as string] : undefined;
    }
  }
  return out || '（文件顶层）';
}

export class PackError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'PackError';
  }
}

const MAX_PACK_BYTES = 5 * 1024 * 1024;

/** Parse and validate a pack file's text. Throws PackError with Chinese messages; never half-accepts. */
export function parsePackText(text: string, fileName: string): RulePack {
  if (text.length > MAX_PACK_BYTES) throw new PackError(`规则包文件 ${fileName} 过大（超过 5 MB），未导入。`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new PackError(`规则包文件 ${fileName} 不是有效的 JSON，未导入。`, [detail]);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'jzs-rule-pack') {
    throw new PackError(`文件 ${fileName} 不是建造师注册助手的规则包（缺少 "format": "jzs-rule-pack"），未导入。`);
  }
  const result = RulePack.safeParse(data);
  if (!result.success) {
    const details = result.error.issues.slice(0, 20).map((i) => `${describePath(data, i.path)}：${i.message}`);
    const first = details[0] ?? '';
    throw new PackError(`规则包 ${fileName} 校验未通过，未导入。第一处问题：${first}`, details);
  }
  return result.data;
}

/** Only a pack newer than both the bundled one and the one in force may be imported. */
export function checkNewer(candidate: RulePack, bundled: RulePack, active: RulePack): void {
  if (compareVersions(candidate.version, bundled.version) <= 0) {
    throw new PackError(
      `规则包版本 ${candidate.version} 不比内置规则包（${bundled.version}）新，未导入；继续使用当前规则包。`,
    );
  }
  if (compareVersions(candidate.version, active.version) <= 0) {
    throw new PackError(`规则包版本 ${candidate.version} 不比正在使用的 ${active.version} 新，未导入。`);
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
