import { isMessageKey } from '../../i18n';
import { describe } from '../../i18n/problem';

/**
 * What to tell the user about an error, in their language (src/i18n/problem.ts). An error thrown in this
 * page that still carries its own text under a non-catalogue code (a backup file's check, BackupError) keeps
 * its text; anything else is described from its code, never from a raw exception text.
 */
export function errorText(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  if (err instanceof Error && err.name !== 'MessageError' && typeof code === 'string' && !isMessageKey(code)) return err.message;
  return describe(err);
}
