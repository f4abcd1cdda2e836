import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPart } from '../src/content/checker';
import { checkUploads } from '../src/content/upload-result';
import { PageValidator } from '../src/content/validation';

/**
 * The portal frames' validators with the DOM code that shows their findings (inline hints, the upload check's
 * result), injected by the background into a frame whose page has fields to check, or a frame where a file is
 * chosen (src/content/checker.ts), not bundled into the content script every portal frame loads.
 */
export default defineUnlistedScript(() => installPart('checks', { validator: (doc, opts, mapped) => new PageValidator(doc, opts, mapped), checkUploads }));
