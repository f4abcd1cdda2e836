import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import type { MessageName, Req, Res } from '../../src/messaging/protocol';
import type { Profile } from '../../src/profiles/schema';
import { openJzsDB } from '../../src/storage/db';
import { checkCharacter } from '../../src/validate/id-number';
import { testRoutes } from '../helpers/routes';

/**
 * A backup from another office PC: the same applicants, entered there under other profile ids. Restored as they
 * are, each would have two profiles here, and a fill or an import could take the stale one — so they are held back
 * and named, unless the clerk ticks to restore them anyway. Profiles of the backup with ids stored here restore as
 * before.
 */
function start() {
  const name = `restore-twins-${crypto.randomUUID()}`;
  const { routes } = testRoutes({ db: () => openJzsDB(name) });
  const page: SenderInfo = { kind: 'extension', url: 'chrome-extension://x/options.html' };
  return async <N extends MessageName>(route: N, data: Req<N>): Promise<Res<N>> => {
    const reply = await dispatch(routes, { jzs: 1, name: route, data }, page);
    if (!reply.ok) throw new Error(`${route}: ${reply.error.code}`);
    return reply.data as Res<N>; // the reply of route N (the router answers with the handler's value)
  };
}

function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const AT = '2026-11-01T02:00:00.000Z';
const other = (i: number, name: string, mobile: string): Profile => ({
  id: `00000000-0000-4000-8000-${String(900 + i).padStart(12, '0')}`,
  createdAt: AT,
  updatedAt: AT,
  revision: 1,
  businesses: [],
  notes: '',
  data: { name, idNumber: idFor(i), mobile },
});

describe('restoring a backup made on another PC', () => {
  it('an applicant stored here under another id is held back by default and named; ticked, restored; a new applicant restores', async () => {
    for (const restoreTwins of [false, true]) {
      const call = start();
      await call('ui:profiles.commit', { items: [{ kind: 'create', body: { data: { name: '张三', idNumber: idFor(1), mobile: '13805311234' } } }] });
      const backup = [other(1, '张三', '13900000000'), other(2, '李四', '13805311235')];
      const session = crypto.randomUUID();
      await call('ui:restore.stage', { session, total: backup.length, profiles: backup });
      const preview = await call('ui:restore.preview', { session });
      expect(preview.added).toEqual({ n: 2, names: ['张三', '李四'] });
      expect(preview.twins).toEqual({ n: 1, names: ['张三'] });
      await call('ui:restore.commit', { session, overwriteNewer: false, removeMissing: false, restoreInvalid: false, restoreTwins });
      const stored = (await call('ui:profiles.all', {})).map((p) => [p.data.name, p.data.mobile]).sort();
      expect(stored, `restoreTwins ${restoreTwins}`).toEqual(
        restoreTwins
          ? [['张三', '13805311234'], ['张三', '13900000000'], ['李四', '13805311235']]
          : [['张三', '13805311234'], ['李四', '13805311235']],
      );
    }
  });

  it('a backup of this PC (same ids) restores as before: no twins', async () => {
    const call = start();
    await call('ui:profiles.commit', { items: [{ kind: 'create', body: { data: { name: '张三', idNumber: idFor(1) } } }] });
    const mine = await call('ui:profiles.all', {});
    const session = crypto.randomUUID();
    await call('ui:restore.stage', { session, total: 1, profiles: mine.map((p) => ({ ...p, data: { ...p.data, mobile: '13805311234' } })) });
    const preview = await call('ui:restore.preview', { session });
    expect([preview.changed.n, preview.twins.n]).toEqual([1, 0]);
  });
});
