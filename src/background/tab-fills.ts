import type { TabFill } from '../messaging/protocol';
import type { ProfileService } from '../profiles/service';

/**
 * Which profile filled each portal tab last (issue 17.6: the preview names whose values are on the page
 * now, so switching applicant can replace them all). Tab ids and profile ids only, in storage.session: tab
 * ids mean nothing after the browser closes, and neither does this record.
 */
export interface TabFills {
  get(tabId: number): Promise<{ profileId: string; at: string } | undefined>;
  record(tabId: number, fill: { profileId: string; at: string }): Promise<void>;
  forget(tabId: number): Promise<void>;
}

/** The last fill of a tab with the applicant's name, or null (none, or the profile was deleted since). */
export async function lastFillOf(fills: TabFills, profiles: ProfileService, tabId: number): Promise<TabFill | null> {
  const last = await fills.get(tabId);
  if (!last) return null;
  try {
    const p = await profiles.get(last.profileId);
    return { profileId: p.id, name: p.data.name ?? '', at: last.at };
  } catch (err) {
    if ((err as { code?: string }).code === 'not-found') return null;
    throw err;
  }
}
