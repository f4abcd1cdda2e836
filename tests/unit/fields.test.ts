/**
 * The field table (src/domain/fields.ts) is the one source of each field's facts: these tests fail when a field
 * key is missing from any surface that shows, reads or writes it, and prove the values derived from it (month,
 * open-ended, whole numbers, choices) survive every path: editor, import, export, backup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { fieldViews } from '../../src/background/handlers';
import { DATE_FIELDS, EDITOR_GROUPS, FIELD_NAMES, FIELDS, FIELDS_BY_GROUP } from '../../src/domain/fields';
import { FIELD_KEYS, type FieldKey, OPEN_ENDED } from '../../src/domain/ids';
import { VOCABULARIES, VOCABULARY_IDS, choiceOf } from '../../src/domain/vocabularies';
import { setLang, t } from '../../src/i18n';
import { EXPORT_HEADERS, parseBackup, toBackup, toCsv, toXlsx } from '../../src/profiles/io/export';
import { autoMap, normHeader } from '../../src/profiles/io/mapping';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { todayInShanghai } from '../../src/domain/calendar';
import { validateTable } from '../../src/profiles/io/rows';
import { type Profile, ProfileData, setField } from '../../src/profiles/schema';
import { bundledPack } from '../../src/rules/bundled';
import { readDraft, ProfileEditor } from '../../src/ui/components/ProfileEditor';
import { fieldText, parseField, parseMonthText, sameFieldValue, validateField } from '../../src/validate/field';

const NOW = new Date(2026, 10, 23, 12);
const lexicon = JSON.parse(readFileSync(join(import.meta.dirname, '../../rules/shared/fields.json'), 'utf8')) as Array<{ key: string; labels: string[] } & Record<string, unknown>>;

/** One stored value per field, of the field's type (new keys: add a sample, or this test fails). */
const SAMPLE: Record<FieldKey, string | boolean> = {
  name: '欧阳明', idNumber: '11010519491231002X', gender: '女', birthDate: '1949-12-31', ethnicity: '回族', mobile: '13805310000',
  phone: '0531-61378805', email: 'a@b.cn', address: '济南市历下区1号', postcode: '250000', education: '大学本科', school: '山东建筑大学',
  major: '土木工程', graduationDate: '1972-07', qualificationCertNo: '370102199001011231', qualificationIssueDate: '2020-03-01',
  specialty: '市政公用工程', registrationNo: '鲁2372010202404839', certIssueDate: '2021-04-01', registrationExpiry: '2027-04-01',
  employerName: '山东某建设有限公司', employerCreditCode: '91370100MA3C5X1234', examEmployerName: '济南某公司', contractStart: '2024-01-01',
  contractEnd: OPEN_ENDED, dismissalDate: '2023-12-01', retired: false, submissionDate: '2026-11-23', socialInsuranceEmployer: '山东某建设有限公司',
  socialInsuranceMonths: '36',
};

describe('the field table reaches every surface', () => {
  it('has one entry per field key, with both names, a group, a type and its validator', () => {
    expect(Object.keys(FIELDS).sort()).toEqual([...FIELD_KEYS].sort());
    for (const key of FIELD_KEYS) {
      const def = FIELDS[key];
      expect(def.key).toBe(key);
      expect(def.name.zh, key).toMatch(/\p{Script=Han}/u);
      expect(def.name.en, key).toMatch(/^[A-Z][\x20-\x7e]+$/);
      expect(EDITOR_GROUPS, key).toContain(def.group);
      if (def.type === 'choice' || def.type === 'boolean') expect(VOCABULARY_IDS, key).toContain(def.vocabulary);
    }
    expect(new Set(FIELD_KEYS.map((k) => FIELD_NAMES[k].zh)).size).toBe(FIELD_KEYS.length);
    expect(new Set(FIELD_KEYS.map((k) => FIELD_NAMES[k].en)).size).toBe(FIELD_KEYS.length);
  });

  it('rules/shared/fields.json holds only portal data, for every key, and a label never names two fields', () => {
    expect(lexicon.map((e) => e.key).sort()).toEqual([...FIELD_KEYS].sort());
    for (const e of lexicon) expect(Object.keys(e).sort(), e.key).toEqual(['ids', 'key', 'labels', 'source']);
    const owner = new Map<string, string>();
    for (const e of lexicon) {
      for (const l of [...e.labels, FIELD_NAMES[e.key as FieldKey].zh]) {
        const n = normHeader(l);
        expect(owner.get(n) ?? e.key, `${l} is a label of ${owner.get(n)} and ${e.key}`).toBe(e.key);
        owner.set(n, e.key);
      }
    }
  });

  it('page rules carry every field with names and type from the table', () => {
    const views = fieldViews(bundledPack().fields);
    expect(views.map((v) => v.key).sort()).toEqual([...FIELD_KEYS].sort());
    for (const v of views) expect(v).toMatchObject({ name: FIELDS[v.key].name.zh, nameEn: FIELDS[v.key].name.en, type: FIELDS[v.key].type });
  });

  it('import maps every field by its key, its Chinese name and every label of the lexicon', () => {
    for (const e of lexicon) {
      for (const header of [e.key, FIELD_NAMES[e.key as FieldKey].zh, ...e.labels]) expect(autoMap([header]), header).toEqual([e.key]);
    }
  });

  it('export writes a column for every field under its Chinese name (then 备注)', () => {
    expect(EXPORT_HEADERS).toEqual([...FIELD_KEYS.map((k) => FIELDS[k].name.zh), '备注']);
  });

  it('the editor has an input for every field, in its group, labelled in the UI language', () => {
    expect(FIELDS_BY_GROUP.flatMap(([, keys]) => keys).sort()).toEqual([...FIELD_KEYS].sort());
    for (const lang of ['zh', 'en'] as const) {
      setLang(lang);
      const root = document.createElement('div');
      render(h(ProfileEditor, { profile: undefined, onSaved: () => undefined }), root);
      for (const key of FIELD_KEYS) {
        const input = root.querySelector(`[data-jzs-edit-field="${key}"]`);
        expect(input, key).not.toBeNull();
        expect(input!.closest('label')!.querySelector('.label')!.textContent).toBe(FIELDS[key].name[lang]);
      }
      const groups = [...root.querySelectorAll('legend')].map((l) => l.textContent);
      for (const g of EDITOR_GROUPS) expect(groups).toContain(t(`profiles.groups.${g}`));
      render(null, root);
    }
    setLang('zh');
  });
});

describe('values derived from the table', () => {
  const p: Profile = {
    id: '33333333-3333-4333-8333-333333333333', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', revision: 1,
    data: SAMPLE as Profile['data'], businesses: [], notes: '',
  };

  it('every sample is a valid stored value, and the stored schema knows every field', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual([...FIELD_KEYS].sort());
    expect(ProfileData.parse(SAMPLE)).toEqual(SAMPLE);
  });

  it('stores retired as the one boolean and every other field as text; a write of the other kind is refused', () => {
    expect(FIELD_KEYS.filter((k) => FIELDS[k].type === 'boolean')).toEqual(['retired']);
    expect(ProfileData.safeParse({ name: true }).success).toBe(false);
    expect(ProfileData.safeParse({ retired: '是' }).success).toBe(false);
    // A backup may hold a whole number as a number: stored as its digits.
    expect(ProfileData.parse({ socialInsuranceMonths: 36 })).toEqual({ socialInsuranceMonths: '36' });
    const data: ProfileData = {};
    setField(data, 'retired', false);
    setField(data, 'name', '张三');
    expect(data).toEqual({ retired: false, name: '张三' });
    expect(() => setField(data, 'retired', '否')).toThrow(TypeError);
    expect(() => setField(data, 'name', true)).toThrow(TypeError);
    expect(data).toEqual({ retired: false, name: '张三' });
  });

  it.each([
    ['CSV', (x: Profile) => new TextEncoder().encode(toCsv([x])), 'x.csv'],
    ['XLSX', (x: Profile) => toXlsx([x]), 'x.xlsx'],
  ] as const)('%s export reads back to the same values, every field included', async (_kind, write, file) => {
    const read = readImportFile(write(p), file);
    const table = tableAt(read, findHeaderRow(read.grid));
    const [row] = await validateTable(table, { mapping: autoMap(table.headers), now: NOW, today: todayInShanghai(NOW) });
    expect(row!.errors).toEqual([]);
    expect(row!.data).toEqual(SAMPLE);
  });

  it('exports an open-ended contract as 无固定期限 and the backup keeps every field', () => {
    expect(toCsv([p])).toContain(',无固定期限,');
    expect(parseBackup(toBackup([p], NOW), 'b.json').profiles[0]!.data).toEqual(SAMPLE);
    // A backup written by hand (or a later version) holding the months as a number still restores.
    const numeric = JSON.parse(toBackup([p], NOW)) as { profiles: Array<{ data: Record<string, unknown> }> };
    numeric.profiles[0]!.data.socialInsuranceMonths = 36;
    expect(parseBackup(JSON.stringify(numeric), 'b.json').profiles[0]!.data.socialInsuranceMonths).toBe('36');
  });

  it('reads month-level dates in the ways people write them, keeping a full date as given', () => {
    for (const text of ['2015-07', '2015/7', '2015.07', '2015年7月', '201507', '２０１５年７月']) expect(parseMonthText(text).value, text).toBe('2015-07');
    expect(parseMonthText('2015-07-01').value).toBe('2015-07-01');
    expect(parseMonthText('2015-13').findings[0]?.code).toBe('date.impossible');
    expect(parseMonthText('去年夏天').findings[0]?.code).toBe('month.format');
    expect(parseField('graduationDate', '2015年7月', NOW).value).toBe('2015-07');
  });

  it('reads an open-ended labour contract end in its usual spellings, and only for that field', () => {
    for (const text of ['无固定期限', '长期', ' 无 固定期限 ', 'Open-ended']) expect(parseField('contractEnd', text, NOW).value, text).toBe(OPEN_ENDED);
    expect(parseField('contractStart', '长期', NOW)).toMatchObject({ value: undefined, findings: [{ code: 'date.openEndedHere' }] });
    // 「至今」 typed in the editor is said as the import says it: still running, no date (one definition, validate/dates.ts).
    for (const text of ['至今', '在职', ' 至 今 ']) expect(parseField('contractEnd', text, NOW), text).toMatchObject({ value: undefined, findings: [{ code: 'date.untilNow' }] });
    expect(fieldText('contractEnd', OPEN_ENDED, 'zh')).toBe('无固定期限');
    expect(fieldText('contractEnd', OPEN_ENDED, 'en')).toBe('Open-ended');
    expect(fieldText('contractEnd', '2027-01-01', 'en')).toBe('2027-01-01');
  });

  it('reads whole months and refuses anything else', () => {
    expect(parseField('socialInsuranceMonths', '36', NOW).value).toBe('36');
    expect(parseField('socialInsuranceMonths', '３６个月', NOW).value).toBe('36');
    expect(parseField('socialInsuranceMonths', '007', NOW).value).toBe('7');
    for (const text of ['3.5', '-2', '三十六', '36 years']) {
      expect(parseField('socialInsuranceMonths', text, NOW), text).toMatchObject({ value: undefined, findings: [{ code: 'integer.format', severity: 'error' }] });
    }
    expect(parseField('socialInsuranceMonths', '601', NOW).findings[0]?.code).toBe('integer.range');
  });

  it('reads a choice through its vocabulary, warns on an unknown one of a closed list and keeps it as written', () => {
    expect(parseField('gender', 'F', NOW).value).toBe('女');
    expect(parseField('education', '本科', NOW).value).toBe('大学本科');
    expect(parseField('education', '研究生', NOW)).toEqual({ value: '研究生', findings: [] });
    const unknown = parseField('gender', '未知', NOW);
    expect(unknown.value).toBe('未知');
    expect(t('v.choice.unknown', unknown.findings[0]!.params, 'en')).toBe('“未知” is not one of the choices: Male, Female.');
    expect(parseField('ethnicity', '火星', NOW).findings[0]?.code).toBe('choice.notListed');
    expect(parseField('retired', '已退休', NOW).value).toBe(true);
    expect(parseField('retired', '不清楚', NOW)).toMatchObject({ value: undefined, findings: [{ code: 'choice.yesNo' }] });
  });

  it('every vocabulary choice reads back as itself from each of its spellings, and has an English name', () => {
    for (const id of VOCABULARY_IDS) {
      for (const c of VOCABULARIES[id].choices) {
        expect(c.en, c.zh).toMatch(/^[A-Z][\x20-\x7e]*$/);
        for (const w of [c.zh, ...c.also]) expect(choiceOf(id, w)?.zh, `${id}: ${w}`).toBe(c.zh);
      }
    }
    expect(VOCABULARIES.ethnicity.choices).toHaveLength(56);
  });

  it('compares two writings of one value by the field', () => {
    expect(sameFieldValue('contractStart', '2025/3/1', '2025-03-01', NOW)).toBe(true);
    expect(sameFieldValue('ethnicity', '汉', '汉族', NOW)).toBe(true);
    expect(sameFieldValue('mobile', '138 0531 0000', '13805310000', NOW)).toBe(true);
    expect(sameFieldValue('contractEnd', '长期', OPEN_ENDED, NOW)).toBe(true);
    expect(sameFieldValue('socialInsuranceMonths', '36', '37', NOW)).toBe(false);
    expect(sameFieldValue('school', '山东建筑大学', '山东大学', NOW)).toBe(false);
  });

  it('the editor refuses a wrong value of a strict field and keeps a doubtful one with a warning', () => {
    const blank = Object.fromEntries(FIELD_KEYS.map((k) => [k, ''])) as Record<FieldKey, string>;
    const r = readDraft({ ...blank, name: '张三', socialInsuranceMonths: '三年', contractEnd: '无固定期限', graduationDate: '2015.7', mobile: '12345' }, NOW);
    expect(Object.keys(r.errors)).toEqual(['socialInsuranceMonths']);
    expect(r.data).toMatchObject({ contractEnd: OPEN_ENDED, graduationDate: '2015-07', mobile: '12345' });
    expect(r.warnings.mobile).toBeTruthy();
  });

  it('calendar fields are the date and month ones', () => {
    expect([...DATE_FIELDS].every((k) => FIELDS[k].type === 'date' || FIELDS[k].type === 'month')).toBe(true);
    expect(DATE_FIELDS.has('graduationDate')).toBe(true);
    expect(validateField('submissionDate', '2026-02-30', NOW).findings[0]?.code).toBe('date.impossible');
  });
});
