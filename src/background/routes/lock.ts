/** The optional passphrase lock: every change answers the lock's new status. */
import type { Routes } from '../router';
import { CASES_FROM_SEALED_KEY } from '../../storage/db';
import type { RouteContext } from './context';

/** Profiles that were sealed at the v4 upgrade: their 0.1.0 businesses move to cases once readable (at unlock). */
async function absorbSealed(ctx: RouteContext): Promise<void> {
  if (!(await (await ctx.db()).get('settings', CASES_FROM_SEALED_KEY))) return;
  await ctx.absorbProgress();
  await (await ctx.db()).delete('settings', CASES_FROM_SEALED_KEY);
}

export const lockRoutes = (ctx: RouteContext) => {
  const { lock } = ctx;
  return {
    'ui:lock.status': { from: ['extension'], handle: () => lock.status() },
    'ui:lock.enable': {
      from: ['extension'],
      handle: async ({ passphrase, idleMinutes }) => {
        await lock.enable(passphrase, idleMinutes);
        return lock.status();
      },
    },
    'ui:lock.unlock': {
      from: ['extension'],
      handle: async ({ passphrase }) => {
        await lock.unlock(passphrase);
        // With the lock on, search runs on an index built in memory now, at unlock.
        await ctx.profiles.ensureIndex();
        await absorbSealed(ctx);
        return lock.status();
      },
    },
    'ui:lock.lock': {
      from: ['extension'],
      handle: async () => {
        await lock.lock();
        return lock.status();
      },
    },
    'ui:lock.change': {
      from: ['extension'],
      handle: async ({ oldPassphrase, newPassphrase }) => {
        await lock.changePassphrase(oldPassphrase, newPassphrase);
        return lock.status();
      },
    },
    'ui:lock.disable': {
      from: ['extension'],
      handle: async ({ passphrase }) => {
        await lock.disable(passphrase);
        return lock.status();
      },
    },
    'ui:lock.idle': {
      from: ['extension'],
      handle: async ({ minutes }) => {
        await lock.setIdleMinutes(minutes);
        return lock.status();
      },
    },
  } satisfies Partial<Routes>;
};
