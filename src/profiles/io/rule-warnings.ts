/**
 * Warnings the rule pack adds to an import's rows (the preview shows them; they never reject a row): a 学历 below
 * what a business asks (rules/businesses/initial.json `education-minimum`), on the cell it was read from. Pure; the
 * rules come from the background (`ui:profiles.rules`, every business's: an import knows no case yet).
 */
import type { ProfileRules } from '../../rules/profile-rules';
import { educationWarning } from '../../validate/profile-warnings';
import type { RowResult } from './rows';

/** `educationColumn`: the header text of the column a row's 学历 was read from (a workbook's sheets differ). */
export function withRuleWarnings(rows: readonly RowResult[], educationColumn: (row: RowResult) => string, rules: ProfileRules): RowResult[] {
  return rows.map((r) => {
    const w = !r.errors.length && r.data.education ? educationWarning(r.data.education, rules) : undefined;
    return w ? { ...r, warnings: [...r.warnings, { column: educationColumn(r), field: 'education', code: w.code, params: w.params }] } : r;
  });
}
