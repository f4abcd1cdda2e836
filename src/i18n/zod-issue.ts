/**
 * zod issues in the user's words (errors.input.*), for every place that validates outside data with zod: a
 * request (src/background/request-problem.ts), a backup file. Types only from zod: nothing is bundled.
 */
import type * as z from 'zod';
import { isRecord } from '../domain/records';
import type { Problem } from './problem';

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = data;
  for (const seg of path) node = isRecord(node) ? node[seg] : undefined;
  return node;
}

/**
 * What is wrong with a value, from a zod issue's kind (zod's own English message is never shown). `data`: the
 * value checked, to tell a missing item from a wrong one.
 */
export function issueProblem(issue: z.core.$ZodIssue, data: unknown): Problem {
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

