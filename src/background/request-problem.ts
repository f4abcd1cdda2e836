/**
 * A refused request in the user's words: which field (its name, not a zod path like `body.data.idNumber`) and
 * what is wrong with it. Requests come from our own pages, so most of these are bugs; the ones a user can
 * cause (a profile field, a passphrase, an import row) name the field and, for imports, the record.
 */
import type * as z from 'zod';
import { FIELD_NAMES } from '../domain/fields';
import { isFieldKey } from '../domain/ids';
import type { MessageKey, ParamValue } from '../i18n';
import { issueProblem } from '../i18n/zod-issue';
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

const isPart = (seg: PropertyKey | undefined): seg is keyof typeof PARTS => typeof seg === 'string' && Object.hasOwn(PARTS, seg);

function fieldOf(path: ReadonlyArray<PropertyKey>): ParamValue | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (isFieldKey(seg)) return FIELD_NAMES[seg];
    if (isPart(seg)) return { code: PARTS[seg] };
  }
  return undefined;
}

/** What is wrong, from zod's issue kind (its English message is never shown). */
/** The first issue of a refused request (`data`: the request as received, to tell missing from wrong). */
export function requestProblem(error: z.ZodError, data: unknown): Problem {
  const issue = error.issues[0];
  if (!issue) return { code: 'errors.request.bad', params: { what: { code: 'errors.input.invalid' } } };
  const what = issueProblem(issue, data);
  const field = fieldOf(issue.path);
  const [head, index] = issue.path;
  const item = head === 'items' && typeof index === 'number' ? index + 1 : undefined;
  if (field && item !== undefined) return { code: 'errors.request.badItemField', params: { item, field, what } };
  if (field) return { code: 'errors.request.badField', params: { field, what } };
  return { code: 'errors.request.bad', params: { what } };
}
