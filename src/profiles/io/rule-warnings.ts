/**
 * Warnings the rule pack adds to an import's rows (the preview shows them; they never reject a row): a 学历 below
 * what a business asks (rules/businesses/initial.json `education-minimum`), on the cell it was read from. Pure; the
 * rules come from the background (`ui:profiles.rules`, every business's: an import knows no case yet).
 */
import type { ProfileRules } from '../../rules/profile-rules';
import { educationWarning } from '../../validate/profile-warnings';
import type { ColumnKey } from './mapping';
import type { RowResult } from './rows';

export function withRuleWarnings(rows: readonly RowResult[], mapping: ReadonlyArray<ColumnKey | null>, headers: readonly string[], rules: ProfileRules): RowResult[] {
  const at = mapping.indexOf('education');
  const column = at >= 0 ? (headers[at] ?? '') : '';
  return rows.map((r) => {
    const w = !r.errors.length && r.data.education ? educationWarning(r.data.education, rules) : undefined;
    return w ? { ...r, warnings: [...r.warnings, { column, field: 'education', code: w.code, params: w.params }] } : r;
  });
}
