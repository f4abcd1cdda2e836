import { CodedError } from '../i18n/problem';
import type { ImportItem } from '../profiles/store';

interface Staged {
  total: number;
  items: ImportItem[];
}

/**
 * An import commit in the background, staged as a backup restore is (restore-sessions.ts): the workbench sends
 * the plan's items in chunks of a few hundred (each validated by the router), so that no single message — and no
 * single structured clone in the workbench — carries 10,000 profiles (bench T9: no UI task > 100 ms); the final
 * `take` hands every item to ONE all-or-nothing store commit (contract.md). Held in memory only: a worker restart
 * in between loses the session and nothing is written. One import at a time: a new session drops an unfinished one.
 */
export class ImportSessions {
  private readonly sessions = new Map<string, Staged>();

  stage(session: string, total: number, chunk: readonly ImportItem[]): number {
    let staged = this.sessions.get(session);
    if (!staged) {
      this.sessions.clear();
      staged = { total, items: [] };
      this.sessions.set(session, staged);
    }
    if (staged.total !== total || staged.items.length + chunk.length > total) {
      this.sessions.delete(session);
      throw new CodedError('import.expired');
    }
    staged.items.push(...chunk);
    return staged.items.length;
  }

  /** Every staged item of a complete session, which ends; an unknown or incomplete session is refused. */
  take(session: string): ImportItem[] {
    const staged = this.sessions.get(session);
    this.sessions.delete(session);
    if (!staged || staged.items.length !== staged.total) throw new CodedError('import.expired');
    return staged.items;
  }

  cancel(session: string): void {
    this.sessions.delete(session);
  }
}
