import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installChecker } from '../src/content/checker';
import { runChecks } from '../src/validate/checks';
import { validateValue } from '../src/validate/value';

/**
 * The portal frames' validators, injected by the background into a frame whose page has fields to check
 * (`cs:checks`, src/content/checker.ts), not bundled into the content script every portal frame loads.
 */
export default defineUnlistedScript(() => installChecker({ validateValue, runChecks }));
