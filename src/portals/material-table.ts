import { normLabel, normText } from './dom';
import { cellsUnder, gridOf, positions, rowsOf, type Part } from './grid';

export interface MaterialRow {
  name: string;
  /** The row shows a file already given: an uploaded file link, 已上传/已提交, or a ticked 收取 box. */
  hasFile: boolean;
  /** Its table shows one page of several (第1页/共3页, 共25条 with fewer rows): materials on other pages are not read. */
  paged?: true;
}

/** A status that says a file is in: 已上传/已提交/已收取…, 上传成功, a tick, or 是/有 answering 是否上传. */
const DONE = /已(上传|提交|收取|收件|接收|上报)|上传成功|提交成功|^[✓✔√☑是有]$/;
/**
 * What says it is not, even beside such a word: a negation (未上传, 待提交, 无, 缺), a count of none
 * (「已上传0个」), a file the portal turned down (审核不通过, 已退回, 驳回), or a cross.
 */
const UNDONE = /未(上传|提交|收|接|通过)|待(上传|提交|补)|无|缺|不(通过|合格|符|予)|退回|退件|驳回|(^|[^\d.])0\s*(个|份|件|张|项)|^0$|^[✗✘×☒否]$/;
const FILE_LINKS = 'a.attach-file,a.attach,.file-item,.uploader-list .file-name,a[href*="download" i][data-fileguid]';
/** A blank form or a sample to download is not the applicant's file. */
const TEMPLATE = /模板|样|示例|范本|空白|空表/;

/**
 * How likely a header cell names the material column: 「材料名称」「申请材料」「文件名称」「资料名称」「材料」
 * (3, 2, 1), never 材料形式/必要性/类型/序号-style attribute columns (0).
 */
function nameScore(header: string): number {
  const h = normLabel(header).replace(/[(（][^)）]*[)）]/g, '');
  if (/形式|类型|类别|性质|来源|份数|数量|必要|要求|说明|状态|序号|操作|大小/.test(h)) return 0;
  if (/(材料|资料|文件|附件|证件|要件)(名称|名)/.test(h)) return 3;
  if (/^(申请|申报|提交|上传|所需|办理)?(材料|资料|要件)(清单|目录|列表)?$/.test(h)) return 2;
  return /材料|资料/.test(h) && h.length <= 6 ? 1 : 0;
}

/**
 * Columns whose cells say whether a file is in: 状态, 上传, 提交, 收取, 电子材料, 附件, 文件 — not whether one
 * is needed (是否必须上传, 需提交).
 */
const STATUS_HEADER = /状态|上传|提交|收取|收件|电子|附件|文件|情况/;
const NEED_HEADER = /必|需|要求/;

/**
 * Whether one status cell says the file is in (true), says it is not (false), or says neither — in words or
 * by an icon's alt, title or aria-label (「<img alt="已上传">」).
 */
function verdict(cell: Element): boolean | undefined {
  const box = cell.querySelector<HTMLInputElement>('input[type=checkbox]');
  // A checkbox cell is judged by its tick alone: MiniUI labels the box 「已收取」 whether ticked or not.
  if (box) return box.checked || undefined;
  const icons = Array.from(cell.querySelectorAll('[alt],[title],[aria-label]'), (e) => e.getAttribute('alt') ?? e.getAttribute('title') ?? e.getAttribute('aria-label'));
  const text = normText(cell.textContent + icons.join(' '));
  if (DONE.test(text)) return !UNDONE.test(text);
  return UNDONE.test(text) ? false : undefined;
}

/** A status column's word wins over a link (a 未上传 row may carry a sample to download); else a file link. */
function rowHasFile(row: readonly Part[], status: readonly StatusColumn[]): boolean {
  let no = false;
  for (const s of status) {
    for (const cell of cellsUnder(row, s.col, s.span)) {
      const v = verdict(cell);
      if (v) return true;
      no ||= v === false;
    }
  }
  return !no && row.some(([r]) => Array.from(r.querySelectorAll(FILE_LINKS)).some((a) => !TEMPLATE.test(a.textContent ?? '')));
}

/**
 * The header row of a table: the first row (of two cells or more) with a cell naming a material column, or
 * one of the two rows below it when that names it better (a group row such as 「材料信息」 above 「材料名称」).
 */
function headerOf(rows: readonly Element[]): { row: Element; score: number } | undefined {
  let best: { row: Element; score: number } | undefined;
  let at = 0;
  for (const [i, row] of rows.entries()) {
    if (best && i > at + 2) break;
    const cells = positions(row);
    // A row holding a table is a layout table's row around the material table, never its header.
    const score = cells.length > 1 && !row.querySelector('table') ? Math.max(...cells.map((p) => nameScore(p.cell.textContent ?? ''))) : 0;
    if (score > (best?.score ?? 0)) [best, at] = [{ row, score }, i];
  }
  return best;
}

type StatusColumn = { col: number; span: number };

/**
 * A pager saying there is more than one page: 第1/3页, 第1页 … 共3页, page links 1 2 after 上一页 (共3页 alone may
 * be a document's page count).
 */
const PAGER = /\d\s*\/\s*([2-9]|\d\d)\s*页|(第\s*\d+\s*页|[上下]一页).*(共\s*([2-9]|\d\d)\s*页|\D1 2\D)/;

/**
 * A control to another page, in its text, title, value or class (joined by |): 上一页/下一页/首页/尾页/末页 or an
 * arrow alone, or a next/prev class (Element's and Ant's buttons, EasyUI's and MiniUI's icon buttons).
 */
const TURN = /\|([<>‹›«»]|[上下首尾末]一?页)+\||\b(next|prev)\b/;

/**
 * Whether a pager's controls say there is another page where it writes no 第1/3页: a control to another page
 * that is not disabled (grid libraries disable both ends of a pager of one page, marked as they mark it), or
 * page numbers n and n+1 side by side (the current one is often no link).
 */
function turns(zone: readonly Element[]): boolean {
  const nums: number[] = [];
  for (const e of zone.flatMap((z) => [z, ...z.querySelectorAll('*')])) {
    const t = e.childElementCount ? '' : normLabel(e.textContent);
    if (/^\d+$/.test(t)) nums.push(+t);
    // A control one can use: a link or button (a pager shows an end it cannot go to as plain text), not disabled.
    else if (TURN.test(['', t, ...['title', 'value', 'class'].map((a) => e.getAttribute(a))].join('|')) && e.closest('a,button,input,li,[onclick],[class*=button]') && !e.closest('[disabled],[class*=disabled]')) return true;
  }
  return nums.some((n) => nums.includes(n + 1));
}

/**
 * Whether a table shows one page of several, by the pager in a row of its own or just after the table or its
 * wrappers: more than one page, or 共25条 with fewer rows shown (a total it states decides), or its controls.
 */
function isPaged(table: Element, rows: readonly Element[], shown: number): boolean {
  const zone = [...rows];
  for (let el: Element | null = table, up = 0; el && up < 4; el = el.parentElement, up++) if (el.nextElementSibling) zone.push(el.nextElementSibling);
  const t = normText(zone.map((z) => z.textContent).join(' '));
  const total = /共\s*(\d+)\s*条/.exec(t)?.[1];
  // A pager that says it has one page (第1页/共1页) is believed over its controls.
  return PAGER.test(t) || (total ? +total > shown : !/[共/]\s*1\s*页/.test(t) && turns(zone));
}

/**
 * Every row of the material tables of a page (上传申报材料, 材料清单, a 一窗受理 grid), with the material name
 * it shows and its status columns: any table whose header row has a material-name column — native tables,
 * rendered MiniUI datagrids (header and body in two tables), header cells spanning two columns. A table inside
 * a material row (a file list in the upload cell) is part of that row, not a table of materials; a layout
 * table around a material table is not one either (a row holding a table is neither its header nor a material).
 */
function eachRow(doc: Document, visit: (rows: ReadonlyArray<readonly Part[]>, name: string, status: readonly StatusColumn[], paged: boolean) => void): void {
  const read = new Set<Element>();
  const rows: Element[] = [];
  for (const table of doc.querySelectorAll('table')) {
    if (read.has(table) || rows.some((r) => r.contains(table))) continue;
    const own = rowsOf(table);
    const found = headerOf(own);
    if (!found) continue;
    const at = own.indexOf(found.row);
    const top = positions(found.row);
    // A header over two rows: a cell spanning both heads its column, the row below heads the others (「上传情况」
    // over 「是否上传」「附件」).
    const grid = gridOf(found.row, top.some((p) => p.down > 1) && own[at + 1] ? 2 : 1);
    const columns = grid.heads.flatMap(([r, shift]) => positions(r).map((p) => ({ ...p, col: p.col + shift, header: normLabel(p.cell.textContent) })));
    // The best-named column of every band (a locked band may show only 序号 and 电子材料).
    const score = Math.max(...columns.map((h) => nameScore(h.header)));
    const name = columns.find((h) => nameScore(h.header) === score);
    if (!name) continue;
    const status = columns.filter((h) => h !== name && STATUS_HEADER.test(h.header) && !NEED_HEADER.test(h.header));
    // Every table of the grid (a band's header and body) is read with it, never again on its own.
    for (const [r] of grid.heads) read.add(r.closest('table') ?? r);
    // A material over two rows (its name cell spans them: two files, 原件 and 复印件) is one material: a row
    // with no cell of its own under the name column belongs to the one above.
    const groups: Array<[Part[][], string]> = [];
    // A row of one cell across the table is a pager or a group's title (必要材料), never a material.
    const one: Element[] = [];
    for (const row of grid.rows) {
      const cells = cellsUnder(row, name.col, name.span);
      const last = groups.at(-1);
      if (!cells.length && last) {
        last[0].push(row);
        continue;
      }
      if (row.flatMap(([e]) => positions(e)).length < 2) {
        one.push(row[0]?.[0] ?? table);
        continue;
      }
      // A name cell holding a table is a layout around the material table: that table is read on its own.
      const text = cells.some((c) => c.querySelector('table')) ? '' : normText(cells.map((c) => c.textContent).join(' '));
      if (!text) continue;
      for (const [r] of row) {
        read.add(r.closest('table') ?? r);
        rows.push(r);
      }
      groups.push([[row], text]);
    }
    // After the grid: its last body table (a grid in several tables has its bodies below its headers).
    const paged = groups.length > 0 && isPaged(rows.at(-1)?.closest('table') ?? table, one, groups.length);
    for (const [group, text] of groups) visit(group, text, status, paged);
  }
}

/** The page's material rows: what each names and whether it shows a file. Pure: reads the DOM. */
export function readMaterialTables(doc: Document): MaterialRow[] {
  const rows: MaterialRow[] = [];
  eachRow(doc, (group, name, status, paged) => rows.push({ name, hasFile: group.every((row) => rowHasFile(row, status)), ...(paged && { paged }) }));
  return rows;
}

/** The material name of the table row `row` is in (an uploader's row), as readMaterialTables reads it. */
export function materialNameOf(row: Element): string | undefined {
  let found: string | undefined;
  eachRow(row.ownerDocument, (group, name) => {
    if (group.some((parts) => parts.some(([r]) => r === row))) found = name;
  });
  return found;
}
