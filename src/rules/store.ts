import type { JzsDatabase } from '../storage/db';
import { bundledPack } from './bundled';
import { checkNewer, choosePack, pageChanges, PackError, parsePackText } from './pack';
import type { RulePack } from './schema';

export interface ActivePack {
  pack: RulePack;
  source: 'bundled' | 'imported';
  fileName?: string | undefined;
  importedAt?: string | undefined;
}

/**
 * The pack in force. Cached for the worker's life; only this module writes packs, so the cache stays true,
 * and a restarted worker simply reads IndexedDB again.
 */
let cache: ActivePack | undefined;

export async function activePack(db: JzsDatabase): Promise<ActivePack> {
  if (cache) return cache;
  const stored = await db.get('rulePacks', 'imported');
  const { pack, source } = choosePack(bundledPack(), stored?.pack);
  cache = source === 'imported' ? { pack, source, fileName: stored?.fileName, importedAt: stored?.importedAt } : { pack, source };
  return cache;
}

/** Validate then store a newer pack. On any error nothing is written and the pack in force stays. */
/**
 * Import a newer pack. One that changes page definitions is refused with code `options.packPagesTitle` and the
 * changes (`+id` added, `~id` changed, `=id` back to the built-in) until the user confirms them.
 */
export async function importPack(db: JzsDatabase, text: string, fileName: string, now: Date, confirmPages = false): Promise<ActivePack> {
  const candidate = parsePackText(text, fileName);
  const current = await activePack(db);
  checkNewer(candidate, bundledPack(), current.pack);
  const changes = pageChanges(bundledPack(), current.pack, candidate);
  if (changes.length && !confirmPages) {
    const sign = { added: '+', changed: '~', reverted: '=' } as const;
    throw new PackError('options.packPagesTitle', { count: changes.length }, changes.map((c) => `${sign[c.kind]}${c.id}`));
  }
  const importedAt = now.toISOString();
  await db.put('rulePacks', { id: 'imported', pack: candidate, version: candidate.version, fileName, importedAt });
  cache = { pack: candidate, source: 'imported', fileName, importedAt };
  return cache;
}

/** Back to the bundled pack. */
export async function revertPack(db: JzsDatabase): Promise<ActivePack> {
  await db.delete('rulePacks', 'imported');
  cache = undefined;
  return activePack(db);
}

/** For tests: forget the cache as a restarted worker would. */
export function forgetPackCache(): void {
  cache = undefined;
}
