/**
 * A refused request in the user's words: which field (its name, not a zod path like `body.data.idNumber`) and
 * what is wrong with it. Requests come from our own pages, so most of these are bugs; the ones a user can
 * cause (a profile field, a passphrase, an import row) name the field and, for imports, the record.
 */
import type * as z from 'zod';
import { FIELD_NAMES } from '../domain/fields';
import { isFieldKey } from '../domain/ids';
import type { MessageKey, Params, ParamValue } from '../i18n';
import type { Problem } from '../i18n/problem';

/** Request parameters a user types (everything else is the extension's own and gets no name). */
const PARTS = {
  passphrase: 'errors.part.passphrase',
  oldPassphrase: 'errors.part.oldPassphrase',
  newPassphrase: 'errors.part.newPassphrase',
  idleMinutes: 'errors.part.idleMinutes',
  minutes: 'errors.part.idleMinutes',
  notes: 'errors.part.notes',
  fileName: 'errors.part.fileName',
  query: 'errors.part.query',
  businesses: 'errors.part.businesses',
} as const satisfies Record<string, MessageKey>;

function fieldOf(path: ReadonlyArray<PropertyKey>): ParamValue | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (isFieldKey(seg)) return FIELD_NAMES[seg];
    if (typeof seg === 'string' && Object.hasOwn(PARTS, seg)) return { code: PARTS[seg as keyof typeof PARTS] };
  }
  return undefined;
}

/** What is wrong, from zod's issue kind (its English message is never shown). */
function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = data;
  for (const seg of path) node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
  return node;
}

function whatOf(issue: z.core.$ZodIssue, data: unknown): { code: MessageKey; params?: Params } {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? { code: 'errors.input.tooLong', params: { max: Number(issue.maximum) } } : { code: 'errors.input.tooBig', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return issue.origin === 'string' ? { code: 'errors.input.tooShort', params: { min: Number(issue.minimum) } } : { code: 'errors.input.tooSmall', params: { min: Number(issue.minimum) } };
    case 'invalid_format':
      return { code: 'errors.input.format' };
    case 'invalid_type':
      return valueAt(data, issue.path) === undefined ? { code: 'errors.input.missing' } : { code: 'errors.input.type' };
    case 'unrecognized_keys':
      return { code: 'errors.input.extra', params: { keys: issue.keys.join(', ') } };
    case 'invalid_value':
      return { code: 'errors.input.notAllowed' };
    default:
      return { code: 'errors.input.invalid' };
  }
}

/** The first issue of a refused request (`data`: the request as received, to tell missing from wrong). */
export function requestProblem(error: z.ZodError, data: unknown): Problem {
  const issue = error.issues[0];
  if (!issue) return { code: 'errors.request.bad', params: { what: { code: 'errors.input.invalid' } } };
  const what = whatOf(issue, data);
  const field = fieldOf(issue.path);
  const [head, index] = issue.path;
  const item = head === 'items' && typeof index === 'number' ? index + 1 : undefined;
  if (field && item !== undefined) return { code: 'errors.request.badItemField', params: { item, field, what } };
  if (field) return { code: 'errors.request.badField', params: { field, what } };
  return { code: 'errors.request.bad', params: { what } };
}
