import { CodedError } from '../i18n/problem';
import { StoreChanged } from '../profiles/errors';
import { diffRestore, previewOf, type RestoreChoice, type RestoreDiff, type RestorePreview, restoreItems } from '../profiles/restore';
import type { Profile } from '../profiles/schema';
import type { ProfileService } from '../profiles/service';
import { validateIdNumber } from '../validate/id-number';

interface Staged {
  total: number;
  profiles: Profile[];
  diff?: RestoreDiff;
  /** Stored ids and revisions the preview saw: a commit after the store moved is refused. */
  seen?: Map<string, number>;
}

function sameRevisions(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, rev] of a) if (b.get(id) !== rev) return false;
  return true;
}

/**
 * A backup restore in the background (issue 17.5): the workbench sends the backup's profiles in chunks
 * (each validated by the router), asks what would change, then commits ONE all-or-nothing batch with a
 * restore point. Held in memory only: a worker restart in between loses the session and nothing is written.
 * One restore at a time: a new session drops an unfinished one.
 */
export class RestoreSessions {
  private readonly sessions = new Map<string, Staged>();

  constructor(
    private readonly profiles: ProfileService,
    private readonly now: () => Date,
  ) {}

  stage(session: string, total: number, chunk: readonly Profile[]): number {
    let staged = this.sessions.get(session);
    if (!staged) {
      this.sessions.clear();
      staged = { total, profiles: [] };
      this.sessions.set(session, staged);
    }
    if (staged.total !== total || staged.profiles.length + chunk.length > total || staged.diff) throw new CodedError('restore.expired');
    staged.profiles.push(...chunk);
    return staged.profiles.length;
  }

  private need(session: string): Staged {
    const staged = this.sessions.get(session);
    if (!staged || staged.profiles.length !== staged.total) throw new CodedError('restore.expired');
    return staged;
  }

  async preview(session: string): Promise<RestorePreview> {
    const staged = this.need(session);
    const byId = new Map(staged.profiles.map((p) => [p.id, p]));
    // Two records with one id: the file was put together by hand or damaged; which one is meant is unknown.
    if (byId.size !== staged.profiles.length) throw new CodedError('restore.duplicate');
    const stored = await this.profiles.storedById();
    const now = this.now();
    staged.diff = diffRestore(staged.profiles, stored, (id) => validateIdNumber(id, now).value !== undefined);
    staged.seen = new Map([...stored].map(([id, p]) => [id, p.revision]));
    return previewOf(staged.diff, (id) => (stored.get(id) ?? byId.get(id))?.data.name ?? '');
  }

  async commit(session: string, choice: RestoreChoice): Promise<{ added: number; changed: number; removed: number }> {
    const staged = this.need(session);
    if (!staged.diff || !staged.seen) throw new CodedError('restore.expired');
    if (!sameRevisions(await this.profiles.revisions(), staged.seen)) {
      staged.diff = undefined;
      throw new StoreChanged();
    }
    const items = restoreItems(staged.profiles, staged.diff, choice);
    const added = new Set(staged.diff.added);
    const restored = items.filter((i) => i.kind === 'restore').length;
    const addedN = items.filter((i) => i.kind === 'restore' && added.has(i.profile.id)).length;
    const { removed } = items.length ? await this.profiles.restore(items, this.now()) : { removed: 0 };
    this.sessions.delete(session);
    return { added: addedN, changed: restored - addedN, removed };
  }

  cancel(session: string): void {
    this.sessions.delete(session);
  }

  /** Is this session still staged here (not committed, cancelled, replaced, or lost with a stopped worker)? */
  holds(session: string): boolean {
    return this.sessions.has(session);
  }
}
