import { type MessageKey, t } from '../../i18n';

/**
 * The text of an error from the background in the user's language: a reply whose code is a catalogue key
 * is translated here; older errors still carry their Chinese message.
 */
export function errorText(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.includes('.')) {
    // A code that is not a key comes back unchanged from t(): then the message is all we have.
    const text = t(code as MessageKey);
    if (text !== code) return text;
  }
  return err instanceof Error ? err.message : String(err);
}
