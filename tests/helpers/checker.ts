import type { Checker } from '../../src/content/checker';
import { checkUploads } from '../../src/content/upload-result';
import { PageValidator } from '../../src/content/validation';
import { type PageField, readText } from '../../src/portals/fields';

/** The validators as the injected file installs them (entrypoints/portal-checks.ts). */
export const CHECKER: Checker = { validator: (doc, opts, mapped) => new PageValidator(doc, opts, mapped), checkUploads };

/** What the content script gives the validators to read a field with (src/content/main.ts `startValidation`). */
export const readsPage = (field: PageField): string => readText(document, field);
