/**
 * The employer a sheet's name may give (issue: sheets b). Offices keep one sheet per employer (「济南鲁信建设有限公司」,
 * 「华泰路桥（12人）」) with no 工作单位 column: every row of the sheet is that employer's. The name is only ever
 * OFFERED — the clerk ticks it, and each row then says where its employer came from — and not at all when the name is
 * clearly no company: Excel's default names, dates and periods (2024年3月, 第二批), roster words (名单, 花名册, 汇总),
 * a business or a specialty (变更注册, 市政公用工程), a person's name. A wrong employer is worse than none.
 */
import { headerKey } from './mapping';
import { shapedLikeName } from './name-note';
import type { Cell } from './table';

/** Excel's and WPS's default sheet names, and copies of them (Sheet1, Sheet1 (2), 工作表3). */
const DEFAULT_NAME = /^(sheet|工作表|表|页|sheet页)\s*\d*(\s*\(\d+\))?$/i;
/** A date or a period in the name: a roster per month, quarter or batch. */
const PERIOD = /\d{4}\s*[年.\-/_]|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}月|第\s*[\d一二三四五六七八九十]{1,3}\s*[批季期次]|季度|[上下]半年|年度|\d{6,8}/;
/** Numbering in front of a name (1. 01- 一、 (1)). */
const LEADING_NUMBER = /^[(（]?[\d一二三四五六七八九十]{1,3}[)）.、\-_\s]+/u;
/** A note in brackets at the end (「（12人）」, 「【已报】」). */
const TRAILING_NOTE = /\s*[(（【[〔][^)）】\]〕]*[)）】\]〕]\s*$/u;
/** Words a roster's sheet name ends in after the employer (「鲁信建设人员名单」, 「华泰路桥-二建」). */
const ROSTER_TAIL = /[\s\-_—–·.、]*(二级建造师|二建|建造师|注册人员|人员|名单|花名册|名册|信息表|信息|汇总表|汇总|统计表|统计|明细表|明细|一览表|数据|表)$/u;
/**
 * How an organisation's name ends: a company (公司, 集团 — 分公司 and 有限公司 included), a works (厂), an institute
 * or bureau (院, 局, 所, 中心, 站, 队, 社). A project department or office (项目部, 办事处) is part of an employer, not one.
 */
const ORG_END = /(公司|集团|厂|院|局|所|中心|站|队|社)$/u;
/**
 * The trades in construction companies' names: the categories of 建筑业企业资质 (施工总承包 and 专业承包, in their
 * short forms) and the general words (建设, 建工, 工程, 置业 …). A company's short name is a brand and a trade
 * (「鲁信建设」, 「华泰路桥」, 「金鼎水利水电」); a trade alone is a specialty a roster may be kept per (建筑工程,
 * 市政公用工程), and a trade after one or two characters may be a person's name (李建设).
 */
const TRADE = /建筑工程|市政公用|水利水电|公路|铁路|港口|航道|电力|矿山|矿业|冶金|石油化工|化工|通信|机电|地基基础|起重设备|安装|预拌混凝土|混凝土|电子|智能化|消防|防水|防腐|保温|桥梁|隧道|钢结构|钢构|模板|脚手架|装修|装饰|幕墙|古建|照明|路面|路基|交通|机场|环保|园林|绿化|建设|建工|建筑|城建|路桥|市政|水利|工程|置业|实业|监理|勘察|设计|咨询|开发|地产/gu;
/** Characters of a brand: what is left of a short name once its trades are taken out must be at least two of them. */
const BRAND_MIN = 2;

/** Two organisations in one name (「甲建设有限公司、乙路桥有限公司」, 「甲公司和乙公司」): whose the rows are cannot be told. */
const SEVERAL = /[、,;/|&]|(公司|集团|厂|院|局|所|中心|站|队|社)(和|及|与|暨|\s)/u;

/** Parts of a name that say what the sheet is about rather than whose it is (a business, a state of a case). */
const NOT_OWNER = /注册|注销|补证|变更|延续|增项|说明|模板|示例|样表|备份|副本|已办|待办|办结|补正|审核|退回|汇总|全部|合计/u;

/** What is left of a sheet's name once numbering, notes in brackets and roster words are taken off. */
export function sheetNameCore(name: string): string {
  let core = name.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(LEADING_NUMBER, '');
  for (let before = ''; before !== core; ) {
    before = core;
    core = core.replace(TRAILING_NOTE, '').replace(ROSTER_TAIL, '').trim();
  }
  return core;
}

/** The employer a sheet's name offers, or undefined when the name is not clearly an organisation's. */
export function employerFromSheetName(name: string): string | undefined {
  const plain = name.normalize('NFKC').trim();
  if (DEFAULT_NAME.test(plain) || PERIOD.test(plain) || !/\p{Script=Han}/u.test(plain)) return undefined;
  return organisation(sheetNameCore(plain));
}

/** A name's core (numbering, notes and roster words taken off) when it is clearly an organisation's, else undefined. */
function organisation(core: string): string | undefined {
  const han = core.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han < 4 || PERIOD.test(core) || NOT_OWNER.test(core) || SEVERAL.test(core) || /(项目部|办事处|项目处)$/u.test(core)) return undefined;
  if (ORG_END.test(core)) return core;
  // 欧阳建设, 司马建工: a compound surname is a brand's two characters, and the trade a given name (李建设).
  if (shapedLikeName(core)) return undefined;
  const brand = core.replace(TRADE, '').match(/\p{Script=Han}/gu)?.length ?? 0;
  return brand >= BRAND_MIN && brand < han ? core : undefined;
}

/**
 * What a title says before the employer (关于, a year, a month or a batch) and after it (the roster, the business,
 * the period, 的 and 申请: 「2024年度济南鲁信建设有限公司二级建造师延续注册人员名单」, 「关于某公司二级建造师变更注册的申请」).
 * Taken off the ends only: inside a name, the same words are the name's.
 */
const PERIOD_WORD = String.raw`\d{4}\s*年度?(\s*\d{1,2}\s*月份?)?|\d{4}\s*[.\-/]\s*\d{1,2}|\d{1,2}\s*月份?|第\s*[\d一二三四五六七八九十]{1,3}\s*[批季期次]|[上下]半年|[一二三四1-4]季度`;
const TITLE_HEAD = new RegExp(`^(关于|附件\\s*\\d*\\s*[:：]|${PERIOD_WORD})[\\s\\-_—–·.、:：]*`, 'u');
const TITLE_TAIL = new RegExp(`[\\s\\-_—–·.、:：]*(${PERIOD_WORD}|注册建造师|执业资格|登记表|申报表|申请表|情况表|报名表|(初始|变更|延续|增项|注销|重新)?注册|初始|变更|延续|增项|注销|申请|申报|报名|报送|的)$`, 'u');

/** The employer a title row names (「济南鲁信建设有限公司二级建造师花名册」), or undefined when it names none clearly. */
export function employerFromTitle(title: string): string | undefined {
  let core = title.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(LEADING_NUMBER, '');
  for (let before = ''; before !== core; ) {
    before = core;
    core = sheetNameCore(core.replace(TITLE_HEAD, '').replace(TITLE_TAIL, ''));
  }
  return organisation(core);
}

/**
 * A caption naming the employer above the table (「填报单位（盖章）：济南鲁信建设有限公司」, 「单位名称：」 and the name in
 * the next cell): the label is the employer column's own name (mapping's lexicon) or a 填报/报送/申报 单位.
 */
const CAPTION_LABEL = /^(填报|报送|申报|推荐|上报)单位(名称|全称)?$/u;
const isEmployerLabel = (label: string): boolean => {
  const plain = label.normalize('NFKC').replace(/[(（][^)）]*[)）]/gu, '').replace(/\s+/g, '');
  return CAPTION_LABEL.test(plain) || headerKey(plain) === 'employerName';
};

/** Where an employer read above the header came from: its sheet row, and the text of that row's cell. */
export interface TitleEmployer {
  value: string;
  row: number;
  text: string;
}

/** The employers the cells of one row above the header name: a title alone in its row, or captions. */
function employersInRow(cells: readonly Cell[], row: number): TitleEmployer[] {
  const own = cells.filter((c) => c.text.trim() && !c.merged);
  const out: TitleEmployer[] = [];
  own.forEach((cell, i) => {
    const text = cell.text.trim();
    const caption = /^([^:：]{1,12})[:：]\s*(.*)$/u.exec(text.normalize('NFKC'));
    if (caption && !/^附件\s*\d*$/u.test(caption[1] ?? '')) {
      // The value ends where a wide gap or the next caption (填报日期：…) starts; else it is the next cell.
      const inCell = (caption[2] ?? '').split(/\s{2,}|\s+(?=[^\s:：]{1,8}[:：])/u)[0]?.trim() ?? '';
      const value = inCell || (own[i + 1]?.text.trim() ?? '');
      const found = isEmployerLabel(caption[1] ?? '') ? organisation(sheetNameCore(value)) : undefined;
      if (found) out.push({ value: found, row, text: inCell ? text : `${text}${value}` });
    } else if (own.length === 1) {
      const found = employerFromTitle(text);
      if (found) out.push({ value: found, row, text });
    }
  });
  return out;
}

/** What a sheet says of its employer: one to offer, or the names that disagree (and then none is offered). */
export type SheetEmployer = { value: string; title?: TitleEmployer | undefined } | { conflict: string[] };

/**
 * The employer a sheet offers: its title's or caption's (the full name, usually) or its name's. `above` are the
 * sheet's rows from row 1 to its header. Two different employers above the header, or a title and a name that
 * disagree, offer nothing: the names are given instead, so that the clerk is told which rather than seeing no offer
 * and no reason. A name agrees with a title when it is the same or its short form inside it (鲁信建设 in
 * 济南鲁信建设有限公司); the title's full name is then offered.
 */
export function sheetEmployer(name: string | undefined, above: ReadonlyArray<readonly Cell[]>): SheetEmployer | undefined {
  const fromName = name === undefined ? undefined : employerFromSheetName(name);
  const found = above.flatMap((cells, i) => employersInRow(cells, i + 1));
  const named = [...new Set(found.map((f) => f.value))];
  if (named.length > 1) return { conflict: named };
  const title = found[0];
  if (!title) return fromName === undefined ? undefined : { value: fromName };
  return fromName === undefined || title.value.includes(fromName) ? { value: title.value, title } : { conflict: [title.value, fromName] };
}

/** The employer to offer of what a sheet says (none while its employers disagree). */
export const offered = (found: SheetEmployer | undefined): Extract<SheetEmployer, { value: string }> | undefined => (found && 'value' in found ? found : undefined);
