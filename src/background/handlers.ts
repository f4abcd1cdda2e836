/**
 * The background's message handlers, one module per domain under `routes/`, put together into the one table
 * the router dispatches on. Stateless across messages: what they need is read from the bundled data or
 * IndexedDB, so a service worker restarted between two messages answers the second one the same.
 */
import { ImportSessions } from './import-sessions';
import type { Routes } from './router';
import { caseRoutes } from './routes/cases';
import { type HandlerDeps, routeContext } from './routes/context';
import { fillRoutes } from './routes/fill';
import { importRoutes, restoreRoutes } from './routes/import';
import { lockRoutes } from './routes/lock';
import { panelRoutes } from './routes/panel';
import { profileRoutes } from './routes/profiles';
import { rulePackRoutes } from './routes/rule-pack';

export { ACTIVE_PROFILE_KEY, type HandlerDeps, type PanelDeps } from './routes/context';
export { fieldViews, languageView } from './routes/page-rules';

/** Every route of the protocol: a message missing from the domains' tables fails the type check here. */
export function createRoutes({ imports = new ImportSessions(), ...deps }: HandlerDeps): Routes {
  const ctx = routeContext(deps, imports);
  return {
    ...panelRoutes(ctx),
    ...fillRoutes(ctx),
    ...profileRoutes(ctx),
    ...importRoutes(ctx),
    ...restoreRoutes(ctx),
    ...rulePackRoutes(ctx),
    ...lockRoutes(ctx),
    ...caseRoutes(ctx),
  };
}
