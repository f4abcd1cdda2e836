import { describe, expect, it } from 'vitest';
import { casesCsv } from '../../src/cases/export';
import type { CaseRow } from '../../src/cases/table';

const row = (updatedAt: string): CaseRow => ({
  id: '8d0f3a52-4a8e-4c36-9a57-6f3f0c0b9a11',
  profileId: '1b7c2f0e-2c1d-4a55-8f0e-0f9d8f1f3c22',
  revision: 1,
  name: '张三',
  employer: '济南建工集团有限公司',
  business: 'renewal',
  status: 'preparing',
  materials: { done: 1, needed: 7 },
  updatedAt,
  notes: '',
  archived: false,
});

/** The 更新时间 column, read back from the CSV (header row, then one row per case). */
const updatedColumn = (csv: string) => {
  const [head = '', ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const at = head.split(',').indexOf('更新时间');
  return lines.map((l) => l.split(',')[at]);
};

describe('cases export: 更新时间 is the day in Jinan, whatever the machine zone (runs in 3 zones)', () => {
  it('dates an update made between 00:00 and 08:00 Jinan time on the Jinan day, not the UTC one', () => {
    // 07:30 on 1 March 2024 in Jinan is 23:30 on 29 February UTC (a leap day, at a month end).
    expect(updatedColumn(casesCsv([row('2024-02-29T23:30:00.000Z'), row('2026-12-31T16:00:00.000Z'), row('2026-12-31T15:59:59.999Z')]))).toEqual([
      '2024-03-01',
      '2027-01-01',
      '2026-12-31',
    ]);
  });
});
