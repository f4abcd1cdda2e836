/** Cases as a spreadsheet (CSV with BOM or XLSX), for the clerk's own reports: the table's columns. */
import { t } from '../i18n';
import { shanghaiDateOf } from '../domain/calendar';
import { BUSINESS_NAMES } from '../domain/ids';
import { csvCell } from '../profiles/io/export';
import { writeXlsx } from '../profiles/io/xlsx';
import type { CaseRow } from './table';

export const CASE_EXPORT_HEADERS = ['申请人', '聘用单位', '业务', '状态', '材料已备', '材料应备', '提交日期', '更新时间', '补正意见', '备注'];

function cells(r: CaseRow): string[] {
  return [
    r.name,
    r.employer,
    BUSINESS_NAMES[r.business].zh,
    // Exports keep Chinese texts whatever the UI language (the headers are Chinese too, contract.md).
    t(`cases.status.${r.status}`, undefined, 'zh'),
    String(r.materials.done),
    String(r.materials.needed),
    r.submittedOn ?? '',
    shanghaiDateOf(r.updatedAt),
    r.correction ?? '',
    r.notes,
  ];
}

export function casesCsv(rows: readonly CaseRow[]): string {
  return `\uFEFF${[CASE_EXPORT_HEADERS, ...rows.map(cells)].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function casesXlsx(rows: readonly CaseRow[]): Uint8Array {
  return writeXlsx(CASE_EXPORT_HEADERS, rows.map(cells), '办件');
}
