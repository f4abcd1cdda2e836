import type { Checker } from '../../src/content/checker';
import { runChecks } from '../../src/validate/checks';
import { checkUpload } from '../../src/validate/upload';
import { validateValue } from '../../src/validate/value';

/** The validators as the injected file installs them (entrypoints/portal-checks.ts). */
export const CHECKER: Checker = { validateValue, runChecks, checkUpload };
