import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { employerFromSheetName, employerFromTitle, offered, sheetEmployer } from '../../src/profiles/io/sheet-employer';
import { type SheetReply, SheetSession } from '../../src/profiles/io/sheet-session';
import { employerOf, type ImportState, importReducer, initialImport, partsOf, sheetChoices } from '../../src/ui/options/import-state';
import { autoMapTable } from '../../src/profiles/io/read';
import { MappingStep, SheetsStep } from '../../src/ui/options/ImportSteps';
import { checkCharacter } from '../../src/validate/id-number';
import { pick, rng } from '../helpers/rng';
import { buildXlsx } from '../helpers/xlsx-builder';

/**
 * One sheet per employer and no employer column (issue: sheets b): the sheet's name is offered as its rows' employer —
 * visibly, taken only when the clerk ticks it — and never offered for names that are clearly no company. Names
 * generated with a fixed seed from parts of real-looking company names and from the other names clerks give sheets.
 */
const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';

function idFor(seq: number): string {
  const first17 = `37010219850302${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

// Parts of company names (places, brands, trades, legal forms) and the decorations clerks add to a sheet's name.
const PLACES = ['', '', '济南', '山东', '章丘', '历城区', '莱芜'];
const BRANDS = ['鲁信', '华泰', '恒基', '金鼎', '中天', '泰山', '齐鲁', '宏达', '正元', '博远'];
const TRADES = ['建设', '路桥', '安装', '装饰', '市政', '建工', '建筑', '水利水电', '园林绿化', '钢结构'];
const FORMS = ['有限公司', '有限责任公司', '集团有限公司', '股份有限公司', '工程有限公司', '工程公司', '集团', '分公司', '建筑安装工程公司', ''];
const DECORATIONS: Array<(n: string) => string> = [
  (n) => n,
  (n) => `${n}名单`,
  (n) => `${n}人员名单`,
  (n) => `${n}-二建`,
  (n) => `${n}（12人）`,
  (n) => `${n}【已报】`,
  (n) => `1.${n}`,
  (n) => `${n} 花名册`,
];

const NOT_COMPANIES = [
  ...['Sheet1', 'Sheet2', 'Sheet 3', 'sheet1 (2)', '工作表1', 'Sheet5'],
  ...['2024年3月', '3月', '十一月', '2024.03', '2024-3', '202403', '第一批', '第2批', '一季度', '上半年', '2025年度'],
  ...['名单', '花名册', '汇总', '人员名单', '二建人员汇总', '说明', '填表说明', '全部人员', '已办结', '待补正', '模板'],
  ...['初始注册', '变更注册', '延续注册', '增项注册', '注销注册'],
  ...['建筑工程', '市政公用工程', '机电工程', '水利水电工程', '公路工程'],
  ...['张三', '李建设', '王建工', '欧阳娜娜', '赵六'],
  ...['第一项目部', '济南办事处', 'Employees', 'A公司'],
  // States and to-do lists clerks keep as sheets.
  ...['已交材料', '需要补充材料', '重点关注', '退休返聘', '未通过人员', '材料齐全'],
];
/** Organisations whose names the generator above does not make. */
const OTHERS = ['中建八局', '中国建筑第八工程局有限公司', '黄河勘测规划设计研究院', '泰山钢铁集团', '济南市城乡建设发展中心', '山东省建筑科学研究院有限公司'];

describe('which sheet names offer an employer', () => {
  it('company names with the decorations clerks add offer the company, seeded; names clearly no company offer nothing', () => {
    const r = rng(515);
    const companies = Array.from({ length: 200 }, () => {
      const form = pick(r, FORMS);
      // A short name (no legal form) is a brand and a trade: 「鲁信建设」.
      const base = `${form ? pick(r, PLACES) : ''}${pick(r, BRANDS)}${pick(r, TRADES)}${form}`;
      return { base, name: pick(r, DECORATIONS)(base) };
    });
    for (const c of companies) expect(employerFromSheetName(c.name), c.name).toBe(c.base);
    for (const name of NOT_COMPANIES) expect(employerFromSheetName(name), name).toBeUndefined();
    for (const name of OTHERS) expect(employerFromSheetName(name), name).toBe(name);
  });

  it("a person's name whose given name is a trade (「欧阳建设」, 「司马建工」), decorated as clerks do, offers nothing; the company with its legal form still does (seeded)", () => {
    const r = rng(4711);
    const SURNAMES = ['欧阳', '司马', '上官', '诸葛', '慕容', '令狐', '夏侯', '宇文', '端木', '皇甫', '轩辕', '南宫'];
    const GIVEN = ['建设', '建工', '建筑', '路桥', '安装', '市政', '建', '工程', '城建', '实业'];
    const people = Array.from({ length: 80 }, () => `${pick(r, SURNAMES)}${pick(r, GIVEN)}`);
    for (const person of people) {
      const name = pick(r, DECORATIONS)(person);
      expect(employerFromSheetName(name), name).toBeUndefined();
      expect(employerFromSheetName(`${person}有限公司`), person).toBe(`${person}有限公司`);
    }
  });
});

async function check(bytes: Uint8Array, accept: (offer: string | undefined) => boolean) {
  const replies: SheetReply[] = [];
  const session = new SheetSession((reply) => replies.push(reply));
  await session.handle({ read: { bytes, fileName: '各单位.xlsx' } });
  const read = readImportFile(bytes, '各单位.xlsx');
  const table = tableAt(read, findHeaderRow(read.grid));
  let s: ImportState = { ...initialImport, read, table, mapping: autoMapTable(table), sheets: sheetChoices(read) };
  const offers = s.sheets.length ? s.sheets.map((c, i) => offered(employerOf(read, i, c.table.headerRow, c.mapping))?.value) : [offered(employerOf(read, 0, table.headerRow, s.mapping))?.value];
  offers.forEach((offer, i) => {
    if (accept(offer)) s = importReducer(s, { type: 'sheetEmployer', sheet: i, employer: offer });
  });
  await session.handle({ check: { id: 1, parts: partsOf(s), now: NOW.getTime(), today: TODAY } });
  return { s, rows: replies.flatMap((reply) => ('checked' in reply ? reply.checked.results : [])) };
}

const workbook = () =>
  buildXlsx({
    name: '济南鲁信建设有限公司',
    rows: [['姓名', '身份证号'], ['张三', idFor(1)], ['李四', idFor(2)]],
    more: [
      { name: '华泰路桥（2人）', rows: [['姓名', '身份证号', '手机'], ['王五', idFor(3), '13805311234']] },
      { name: '2024年3月', rows: [['姓名', '身份证号'], ['赵六', idFor(4)]] },
      { name: '恒基安装有限公司', rows: [['姓名', '身份证号', '工作单位'], ['孙七', idFor(5), '泰山建工集团']] },
    ],
  });

describe('the offer in the import', () => {
  it('not ticked: no row gets an employer from its sheet', async () => {
    const { rows } = await check(workbook(), () => false);
    expect(rows.map((row) => [row.data.name, row.data.employerName])).toEqual([
      ['张三', undefined],
      ['李四', undefined],
      ['王五', undefined],
      ['赵六', undefined],
      ['孙七', '泰山建工集团'],
    ]);
  });

  it('ticked: every row of a company sheet without an employer column gets it, each saying so; a sheet with its own column keeps its values', async () => {
    const { s, rows } = await check(workbook(), (offer) => offer !== undefined);
    // The sheet with an employer column is offered nothing, even though its name looks like a company.
    expect(s.sheets.map((c) => c.employer)).toEqual(['济南鲁信建设有限公司', '华泰路桥', undefined, undefined]);
    expect(rows.map((row) => [row.data.name, row.data.employerName, row.notices.map((n) => n.code)])).toEqual([
      ['张三', '济南鲁信建设有限公司', ['import.sheetEmployer']],
      ['李四', '济南鲁信建设有限公司', ['import.sheetEmployer']],
      ['王五', '华泰路桥', ['import.sheetEmployer']],
      ['赵六', undefined, []],
      ['孙七', '泰山建工集团', []],
    ]);
    expect(t('import.sheetEmployer', rows[2]?.notices[0]?.params)).toContain('华泰路桥');
    expect(t('import.sheetEmployer', rows[2]?.notices[0]?.params, 'en')).toContain("sheet's name");
  });

  it('a workbook of one sheet named for its employer offers it too; mapping an employer column later withdraws the offer', async () => {
    const bytes = buildXlsx({ name: '齐鲁钢结构工程有限公司', rows: [['序号', '姓名', '身份证号'], ['1', '张三', idFor(6)]] });
    const { s, rows } = await check(bytes, (offer) => offer !== undefined);
    expect(s.read?.sheetName).toBe('齐鲁钢结构工程有限公司');
    expect(rows.map((row) => row.data.employerName)).toEqual(['齐鲁钢结构工程有限公司']);
    const mapped = importReducer(s, { type: 'map', column: 0, key: 'employerName' });
    expect(partsOf(mapped).map((p) => p.employer)).toEqual([undefined]);
  });

  it('the sheet list shows the offer unticked, with the value, only on company sheets; a tick passes the value', async () => {
    const read = readImportFile(workbook(), '各单位.xlsx');
    const s: ImportState = { ...initialImport, stage: 'preview', read, sheets: sheetChoices(read) };
    const root = document.createElement('div');
    document.body.append(root);
    const taken: Array<[number, string | undefined]> = [];
    await act(() => render(h(SheetsStep, { state: s, onChoose: () => undefined, onView: () => undefined, onEmployer: (i, e) => taken.push([i, e]) }), root));
    const boxes = [...root.querySelectorAll<HTMLInputElement>('[data-jzs-sheet-employer]')];
    expect(boxes.map((b) => [b.getAttribute('data-jzs-sheet-employer'), b.checked])).toEqual([
      ['0', false],
      ['1', false],
    ]);
    expect(boxes[1]?.closest('label')?.textContent).toContain('华泰路桥');
    await act(() => boxes[1]?.click());
    expect(taken).toEqual([[1, '华泰路桥']]);
    render(null, root);
    root.remove();
  });
});


/** How clerks title a roster around the employer's name, and the captions they put above the table. */
const TITLE_HEADS = ['', '', '', '2024年', '2025年度', '关于', '附件1：', '2024年3月'];
const TITLE_TAILS = ['二级建造师花名册', '二建人员名单', '二级建造师延续注册人员信息表', '注册人员汇总表', '二级建造师变更注册申请表', ' 2024年3月 二级建造师统计表', '2025年二建初始注册人员一览表', '二级建造师注册的申请', '-二建人员明细（12人）'];
const CAPTIONS: Array<(n: string) => string[]> = [
  (n) => [`填报单位（盖章）：${n}        填报日期：2024年3月1日`],
  (n) => ['单位名称：', n, '', '填表日期：', '2024.3.1'],
  (n) => [`单位：${n}`, '', '联系人：王五'],
  (n) => [`申报单位:${n}`],
];

describe('the employer a title row or a caption above the header names (seeded)', () => {
  it('a title holding a company name, with periods, businesses and roster words around it, offers the company; a caption naming the 单位 too', () => {
    const r = rng(2718);
    for (let k = 0; k < 150; k++) {
      const form = pick(r, FORMS.filter(Boolean));
      const base = `${pick(r, PLACES)}${pick(r, BRANDS)}${pick(r, TRADES)}${form}`;
      const title = `${pick(r, TITLE_HEADS)}${base}${pick(r, TITLE_TAILS)}`;
      expect(employerFromTitle(title), title).toBe(base);
      const caption = pick(r, CAPTIONS)(base);
      expect(offered(sheetEmployer(undefined, [[], caption.map((text) => ({ text }))]))?.value, caption.join('|')).toBe(base);
      expect(offered(sheetEmployer(undefined, [[], caption.map((text) => ({ text }))]))?.title?.row, caption.join('|')).toBe(2);
    }
  });

  it('titles naming no employer clearly offer nothing; two employers above the header, or a sheet name that disagrees, offer nothing', () => {
    const none = ['济南鲁信建设有限公司、山东华泰路桥有限公司二建名单', '鲁信建设有限公司和华泰路桥有限公司人员名单', '甲建设集团 乙路桥有限公司名单', '山东省二级建造师注册人员花名册', '2024年二级建造师延续注册名单', '二级建造师花名册', '欧阳建设二建名单', '鲁信建设第三项目部人员名单', '张三等5人二建名单', '关于二级建造师变更注册的申请', '填表说明', '2024年3月'];
    for (const title of none) expect(employerFromTitle(title), title).toBeUndefined();
    expect(offered(sheetEmployer(undefined, [[{ text: '济南鲁信建设有限公司二建名单' }], [{ text: '填报单位：华泰路桥有限公司' }]]))).toBeUndefined();
    expect(sheetEmployer(undefined, [[{ text: '填表人：张三' }], [{ text: '联系电话：0531-88886666' }]])).toBeUndefined();
    const title = [[{ text: '济南鲁信建设有限公司二级建造师花名册' }]];
    expect(offered(sheetEmployer('华泰路桥', title))).toBeUndefined();
    // The sheet's short name inside the title's full one: the same employer, the full name offered.
    expect(offered(sheetEmployer('鲁信建设', title))?.value).toBe('济南鲁信建设有限公司');
    expect(offered(sheetEmployer('Sheet1', title))?.title?.row).toBe(1);
  });

  it('through the import: a title merged over the header is offered with its row, unticked; ticked, every row gets it and says the row it came from', async () => {
    const bytes = buildXlsx({
      name: 'Sheet1',
      rows: [['济南鲁信建设有限公司二级建造师花名册', '', ''], ['序号', '姓名', '身份证号'], ['1', '张三', idFor(7)], ['2', '李四', idFor(8)]],
      merges: ['A1:C1'],
    });
    const none = await check(bytes, () => false);
    expect(none.rows.map((row) => row.data.employerName)).toEqual([undefined, undefined]);
    const { s, rows } = await check(bytes, (offer) => offer !== undefined);
    expect(s.employer).toBe('济南鲁信建设有限公司');
    expect(rows.map((row) => [row.data.employerName, row.notices.map((n) => [n.code, n.params?.row])])).toEqual([
      ['济南鲁信建设有限公司', [['import.titleEmployer', 1]]],
      ['济南鲁信建设有限公司', [['import.titleEmployer', 1]]],
    ]);
    expect(t('import.titleEmployer', rows[0]?.notices[0]?.params)).toContain('第 1 行');
    const offer = offered(employerOf(s.read, 0, s.table?.headerRow ?? 1, s.mapping));
    expect([offer?.value, offer?.title?.row, offer?.title?.text]).toEqual(['济南鲁信建设有限公司', 1, '济南鲁信建设有限公司二级建造师花名册']);
    expect(t('import.titleEmployerOffer', { value: offer?.value ?? '', row: 1, title: offer?.title?.text ?? '' }, 'en')).toContain('Row 1');
  });

  it('when the title and the sheet name (or two captions) name different employers, none is offered and the mapping step says which', async () => {
    const title = [[{ text: '济南鲁信建设有限公司二级建造师花名册' }]];
    expect(sheetEmployer('华泰路桥', title)).toEqual({ conflict: ['济南鲁信建设有限公司', '华泰路桥'] });
    expect(sheetEmployer('鲁信建设', title)).not.toHaveProperty('conflict');
    expect(sheetEmployer('Sheet1', title)).not.toHaveProperty('conflict');
    expect(sheetEmployer(undefined, [[{ text: '济南鲁信建设有限公司二建名单' }], [{ text: '填报单位：华泰路桥有限公司' }]])).toEqual({ conflict: ['济南鲁信建设有限公司', '华泰路桥有限公司'] });
    // Through the mapping step, as the clerk sees it: before, no offer and no reason.
    const bytes = buildXlsx({ name: '华泰路桥', rows: [['济南鲁信建设有限公司二级建造师花名册', '', ''], ['序号', '姓名', '身份证号'], ['1', '张三', idFor(7)]], merges: ['A1:C1'] });
    const read = readImportFile(bytes, '花名册.xlsx');
    const table = tableAt(read, findHeaderRow(read.grid));
    const mapping = autoMapTable(table);
    expect(offered(employerOf(read, 0, table.headerRow, mapping))).toBeUndefined();
    const root = document.createElement('div');
    document.body.append(root);
    const state: ImportState = { ...initialImport, stage: 'preview', fileName: '花名册.xlsx', mapping, read, table };
    await act(() => render(h(MappingStep, { state, read, table, onHeaderRow: () => undefined, onMap: () => undefined, onEmployer: () => undefined }), root));
    const said = root.querySelector('[data-jzs-sheet-employer-conflict]')?.textContent ?? '';
    expect(said).toContain('「济南鲁信建设有限公司」');
    expect(said).toContain('「华泰路桥」');
    expect(root.querySelector('[data-jzs-sheet-employer]')).toBeNull();
    render(null, root);
    root.remove();
  });
});
