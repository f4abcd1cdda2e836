import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPart } from '../src/content/checker';
import { runChecks } from '../src/validate/checks';
import { checkUpload } from '../src/validate/upload';
import { validateValue } from '../src/validate/value';

/**
 * The portal frames' validators, injected by the background into a frame whose page has fields to check, or a
 * frame where a file is chosen (src/content/checker.ts), not bundled into the content script every portal frame loads.
 */
export default defineUnlistedScript(() => installPart('checks', { validateValue, runChecks, checkUpload }));
