/**
 * The ONE extractor of 办件 status and 补正意见 from a portal page (我的申请 list, 办件详情), pure over a Document:
 * the workbench, the background and the on-page panel all read pages through it. It finds columns and label
 * cells by their header text (rules/shared/case-statuses.json `labels`), never by our replicas' ids or
 * classes, so a grid rendered as one table or as MiniUI's header + body tables, and a label/value detail
 * table, read the same. It maps nothing: `mapPortalStatus` (status-map.ts) turns what it read into a case status.
 */
import { type BusinessId } from '../domain/ids';
import { businessFromText } from '../domain/business-text';
import type { CaseStatusRules } from '../rules/case-statuses';
import { bodyRows, cellsOf, cellsUnder, gridOf, positions, rowsOf, type Part } from '../portals/grid';

export type PortalLabels = CaseStatusRules['labels'];

/** One 办件 as a portal page shows it. */
export interface PortalCase {
  /** 申报流水号 (empty before the application is sent). */
  serial?: string | undefined;
  /** 事项名称 as shown. */
  title?: string | undefined;
  /** The business the title names, when it names exactly one. */
  business?: BusinessId | undefined;
  statusText: string;
  /** The portal's status code when the page carries one next to the text (an attribute holding 1-3 digits). */
  statusCode?: number | undefined;
  /** yyyy-MM-dd of 申请时间. */
  appliedOn?: string | undefined;
  /** The portal's id of the application (the `projectguid` of its detail link or of the page's URL). */
  ref?: string | undefined;
  /** 补正意见 text (detail page). */
  correction?: string | undefined;
  /** 补正期限 (yyyy-MM-dd) when the page states one. */
  correctionDeadline?: string | undefined;
}

export const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/[\s:：*＊]/g, '');
/** A label's count after it (「补正内容（1）」: the first of the opinions), after `norm`. */
const COUNT = /\(\d{1,2}\)$/;
/** A label as written, its count left off: 「补正内容（1）」 is the 补正内容 label. */
const labelText = (s: string | null | undefined): string => norm(s).replace(COUNT, '');

/**
 * Shown text, whitespace collapsed, a line break or a block's edge a space (「1.身份证不清晰<br>2.…」 are two
 * points, not 「…不清晰2.…」). Not NFKC: 补正意见 keep their full-width punctuation.
 */
const text = (el: Element | null | undefined): string => (el ? lines(el) : '').replace(/\s+/g, ' ').trim();

/** The first yyyy-M-d date in a text, as yyyy-MM-dd (申请时间 2026-11-03 15:10 → 2026-11-03). */
export function dateIn(raw: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(raw.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A status code carried as an attribute inside the status cell (data-status="28", status="28" …). */
function codeIn(cell: Element): number | undefined {
  for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
    for (const a of Array.from(el.attributes)) {
      if (/status|code|zt/i.test(a.name) && /^\d{1,3}$/.test(a.value.trim())) return Number(a.value.trim());
    }
  }
  return undefined;
}

/**
 * The `projectguid` the links inside `els` name, else that of a URL. Links naming two different ones name
 * none: which is this application's is not known.
 */
function refIn(els: readonly Element[], url?: string): string | undefined {
  const guid = (href: string | null) => /[?&]projectguid=([^&#]+)/i.exec(href ?? '')?.[1];
  const linked = new Set(els.flatMap((el) => Array.from(el.querySelectorAll('a[href]'), (a) => guid(a.getAttribute('href')))).filter((g) => g !== undefined));
  const one = linked.size ? (linked.size === 1 ? [...linked][0] : undefined) : guid(url ?? '');
  return one && decodeURIComponent(one);
}

/** Boxes that show a text (not a tick, a button, a file or a password: a password's value is never read). */
const TEXT_BOX = 'input:not([type=hidden],[type=checkbox],[type=radio],[type=button],[type=submit],[type=reset],[type=image],[type=file],[type=password])';

/**
 * A picker drawn around a read-only box (MiniUI's combobox, My97's and laydate's date boxes): a control one
 * still opens and chooses in, unless the widget says it is read-only or disabled too.
 */
const PICKER = /combo|select|picker|buttonedit|spinner|wdate|laydate|datebox|calendar/i;
const READ_ONLY_MARK = /read-?only|disabled/i;
function isPicker(box: Element): boolean {
  if (box.hasAttribute('onclick') || box.hasAttribute('onfocus') || box.hasAttribute('lay-key') || box.hasAttribute('data-provide')) return true;
  let classes = '';
  for (let el: Element | null = box, up = 0; el && up < 3; el = el.parentElement, up++) classes += ` ${el.getAttribute('class') ?? ''}`;
  return PICKER.test(classes) && !READ_ONLY_MARK.test(classes);
}

/**
 * The value a form control shows as read-only text — a detail page drawn as a read-only form (「办件状态
 * [待补正]」 in a box one cannot type in): a read-only or disabled text box's value, a disabled list's chosen
 * option; undefined for a control one can still change (a search form's box or list) and for any other element.
 * The markup the background takes carries each control's current value (document-markup.ts), so a value a
 * script set is read too.
 */
function shownValue(el: Element): string | undefined {
  if (!/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return undefined;
  if (el.matches(TEXT_BOX)) return el.hasAttribute('disabled') || (el.hasAttribute('readonly') && !isPicker(el)) ? (el.getAttribute('value') ?? '') : undefined;
  if (el.tagName === 'TEXTAREA') return el.hasAttribute('readonly') || el.hasAttribute('disabled') ? (el.textContent ?? '') : undefined;
  if (el.tagName === 'SELECT' && el.hasAttribute('disabled')) {
    const options = Array.from(el.querySelectorAll('option'));
    return (options.find((o) => o.hasAttribute('selected')) ?? options[0])?.textContent ?? '';
  }
  return undefined;
}

/**
 * A row or cell holding a box to type in or a list to pick from is a search form (办件状态 [全部 ▾]), not a
 * grid or a value shown; a grid's select-all tick is not one, nor is a box that only shows a value (shownValue).
 */
const hasControl = (el: Element | undefined): boolean => el != null && Array.from(el.querySelectorAll(`${TEXT_BOX}, select, textarea`)).some((c) => shownValue(c) === undefined);

/**
 * A value that reads like a column header (处理时间, 处理人, 处理意见, 审核状态): what the label's neighbour in
 * a grid's header row holds, never a status or an opinion. A wrong status or opinion is worse than none.
 */
const HEADERISH = /^.{0,6}(时间|日期|人|意见|状态|名称|环节|结果|备注|操作|说明)$/;

/** A cell's text outside its links and buttons: an action beside a status (「待补正 查看补正意见」) is not part of it. */
function beside(el: Element): string {
  return shown(el, true).replace(/\s+/g, ' ').trim();
}

/**
 * A status read as a label's value without the actions after it (「办件状态：待补正 <a>查看补正意见</a>」), as
 * `beside` reads a grid's cell; a status that is itself a link is kept, and so is a word of the status that
 * an action repeats (「待补正 | <a>补正</a>」 is 待补正, not 待).
 */
function withoutActions(value: string, el: Element): string {
  let out = value;
  // Actions come after the status: the last one first, each only where the value ends with it.
  for (const action of Array.from(el.querySelectorAll('a, button'), text).reverse()) {
    if (action && out.endsWith(action) && out.length > action.length) out = out.slice(0, -action.length).replace(/[\s,，;；|]+$/, '');
  }
  return out;
}

/**
 * What a status cell shows: its text beside any action, else its text (a status written as a link), else the
 * title, alt or aria-label of what is in it (a status drawn as an icon).
 */
function said(el: Element | undefined): string {
  const marks = el ? [el, ...el.querySelectorAll('[title],[alt],[aria-label]')] : [];
  return (el && beside(el)) || text(el) || (marks.map((e) => e.getAttribute('title') ?? e.getAttribute('alt') ?? e.getAttribute('aria-label') ?? '').find((t) => t.trim()) ?? '').trim();
}

/** A value, not a column's header: a date or a number of six digits or more (申报流水号). */
const VALUE = /\d{6}|\d{4}\s*[-/.年]\s*\d{1,2}/;

/** A column of a grid's header: where it starts, how wide it is, and its header cell. */
type Column = { cell: Element; col: number; span: number };

/** A 办件 grid's header: its rows (one to three) and every column they head, bands side by side. */
interface Head {
  top: Element;
  depth: number;
  rows: Element[];
  columns: Column[];
}

/**
 * A header cell's label: its Chinese words, without a gloss, a sort arrow or a mark beside them (「办件状态
 * Status」, 「办件编号 ▲」, 「*事项名称：」).
 */
const headerText = (cell: Element): string => norm(cell.textContent).replace(/[^\u4e00-\u9fff]/g, '');

const columnOf = (columns: readonly Column[], labels: readonly string[]): Column | undefined => {
  const wanted = new Set(labels.map(norm));
  return columns.find((p) => wanted.has(headerText(p.cell)));
};

/**
 * The headers of 办件 grids: one to three rows (a caption row across the grid, a group row such as 办理信息
 * over 申请时间 | 办件状态, the rows its cells span down into or that hold labels below it) that head a status
 * column and a title or serial column, holding no control (a search form) and no value (a label/value row of a
 * detail table: 「办件编号 | 3701… | 状态 | 待补正」), in a table with no other row of labels (a detail table's
 * rows are labels and values, a grid's body holds no header text). Every band of a grid drawn in several tables
 * (gridOf) counts: a locked 序号 band beside the scrolled one.
 */
function gridHeads(doc: Document, labels: PortalLabels): Head[] {
  const allLabels = new Set(Object.values(labels).flat().map(norm));
  const labelled = (tr: Element) => cellsOf(tr).some((c) => allLabels.has(headerText(c)));
  // A value shown in a read-only box counts (shownValue); the text alone where there is none (most cells).
  const plain = (tr: Element) => !hasControl(tr) && !cellsOf(tr).some((c) => VALUE.test(c.querySelector('input, textarea, select') ? text(c) : (c.textContent ?? '')));
  const out: Head[] = [];
  const taken = new Set<Element>();
  for (const top of Array.from(doc.querySelectorAll('tr'))) {
    if (taken.has(top) || !plain(top)) continue;
    const own = rowsOf(top.closest('table') ?? top);
    const i = own.indexOf(top);
    let depth = 1;
    for (let next = own[i + 1]; next && depth < 3 && plain(next); next = own[i + ++depth]) {
      const above = own.slice(i, i + depth);
      const spanned = above.some((r, k) => positions(r).some((p) => k + p.down > depth));
      if (!spanned && !labelled(next) && !underGroups(next, above)) break;
    }
    const grid = gridOf(top, depth);
    const rows = grid.heads.map(([r]) => r);
    const columns = grid.heads.flatMap(([r, at]) => positions(r).map((p) => ({ cell: p.cell, col: p.col + at, span: p.span })));
    // A grid heads its status and its title or serial in columns of their own; labels in one column are a
    // label/value table's (「事项名称 | …」 over 「办件状态 | 待补正」), whatever its values look like.
    const status = columnOf(columns, labels.status);
    const anchor = columnOf(columns, labels.title) ?? columnOf(columns, labels.serial);
    if (!status || !anchor || status.col === anchor.col) continue;
    if (own.some((r) => !rows.includes(r) && labelled(r))) continue;
    for (const r of rows) taken.add(r);
    out.push({ top, depth, rows, columns });
  }
  return out;
}

/**
 * A row whose words all stand under group cells of the rows above (办件信息 over 操作 | 序号, the other columns
 * blank under their own headers): the group's sub-headers, not a body row.
 */
function underGroups(row: Element, above: readonly Element[]): boolean {
  const groups = above.flatMap((r) => positions(r).filter((p) => p.span > 1 && text(p.cell)));
  const worded = positions(row).filter((p) => text(p.cell));
  return worded.length > 0 && worded.every((p) => groups.some((g) => p.col >= g.col && p.col + p.span <= g.col + g.span));
}

/** A grid's body rows: those gridOf pairs with its header, else rows as wide as it nearby (bodyRows). */
function bodyOf(head: Head): Array<readonly Part[]> {
  const grid = gridOf(head.top, head.depth);
  if (grid.rows.length) return grid.rows;
  const width = Math.max(...head.columns.map((c) => c.col + c.span));
  return bodyRows(head.rows.at(-1) ?? head.top, width).map((r) => [[r, 0]]);
}

function fromGrid(heads: readonly Head[], labels: PortalLabels): PortalCase[] {
  const allLabels = new Set(Object.values(labels).flat().map(norm));
  const out: PortalCase[] = [];
  for (const head of heads) {
    const column = (l: readonly string[]) => columnOf(head.columns, l);
    const statusCol = column(labels.status);
    const cols = { serial: column(labels.serial), title: column(labels.title), appliedAt: column(labels.appliedAt) };
    for (const row of bodyOf(head)) {
      // A row of another table the header's width found (a search form's labels): a grid's data row holds no header text.
      if (row.some(([r]) => cellsOf(r).some((c) => allLabels.has(norm(c.textContent))))) continue;
      const at = (col: Column | undefined) => (col ? cellsUnder(row, col.col, col.span)[0] : undefined);
      const statusCell = at(statusCol);
      const statusText = said(statusCell);
      // A cell under the status and the title or serial both is a row's message across the grid (暂无数据).
      if (!statusCell || !statusText || hasControl(statusCell) || [cols.serial, cols.title].some((c) => at(c) === statusCell)) continue;
      out.push(rowCase({ status: statusCell, serial: at(cols.serial), title: at(cols.title), appliedAt: at(cols.appliedAt) }, statusText, row.map(([r]) => r)));
    }
  }
  return out;
}

/** One row of a 办件 grid as a case: its cells under the columns read, the row's elements for its detail link. */
function rowCase(cells: { status: Element; serial?: Element | undefined; title?: Element | undefined; appliedAt?: Element | undefined }, statusText: string, rowEls: readonly Element[]): PortalCase {
  const title = text(cells.title) || undefined;
  return {
    serial: text(cells.serial) || undefined,
    title,
    business: businessFromText(title),
    statusText,
    statusCode: codeIn(cells.status),
    appliedOn: dateIn(text(cells.appliedAt)),
    ref: refIn(rowEls),
  };
}

/** Elements that are no row of a grid drawn without a table (a table's own parts are read as a table). */
const NOT_A_ROW = /^(TABLE|THEAD|TBODY|TFOOT|TR|TD|TH|SELECT|DATALIST|OPTGROUP|HEAD|SCRIPT|STYLE|svg|FORM)$/;

/** A grid drawn without a table (divs, spans, list items): its header row and the columns read, by cell index. */
interface DivHead {
  row: Element;
  status: number;
  serial: number;
  title: number;
  appliedAt: number;
}

/**
 * The header rows of 办件 grids drawn with divs or lists (「<div class="row head"><span>办件编号</span>…」,
 * 「<ul><li>事项名称</li>…</ul>」): an element of three or more children, each a short header (no value, no
 * control), heading a status column and a title or serial column; not a line of labels and values.
 */
function divGridHeads(elements: readonly Element[], labels: PortalLabels): DivHead[] {
  const allLabels = new Set(Object.values(labels).flat().map(norm));
  const out: DivHead[] = [];
  for (const row of elements) {
    const cells = Array.from(row.children);
    // Cheap tests first: most elements are no row, and a block's children hold long texts.
    if (cells.length < 3 || NOT_A_ROW.test(row.tagName) || cells.some((c) => (c.textContent?.length ?? 0) > 60) || hasControl(row)) continue;
    const texts = cells.map(text);
    if (texts.some((t) => t.length > 24 || VALUE.test(t))) continue;
    const index = (l: readonly string[]) => {
      const wanted = new Set(l.map(norm));
      return cells.findIndex((c) => wanted.has(headerText(c)));
    };
    const head = { row, status: index(labels.status), serial: index(labels.serial), title: index(labels.title), appliedAt: index(labels.appliedAt) };
    const anchor = head.title >= 0 ? head.title : head.serial;
    if (head.status < 0 || anchor < 0 || labelsAndValues(cells, texts, allLabels)) continue;
    out.push(head);
  }
  return out;
}

/**
 * A line of labels and values (「办件状态： | 待补正 | 事项： | 变更注册」), not a header row: half its cells or more
 * end with a colon, and each of those is followed by a value — no colon, none of our labels. A header whose
 * cells a build marks with a colon (「*事项名称：」) has a label after a marked one.
 */
function labelsAndValues(cells: readonly Element[], texts: readonly string[], allLabels: ReadonlySet<string>): boolean {
  const marked = (i: number) => /[:：]$/.test(texts[i] ?? '');
  const count = texts.filter((_t, i) => marked(i)).length;
  const valueAt = (i: number) => {
    const cell = cells[i];
    return cell !== undefined && !marked(i) && !allLabels.has(headerText(cell));
  };
  return count * 2 >= cells.length && texts.every((_t, i) => !marked(i) || valueAt(i + 1));
}

/**
 * The body rows under a div grid's header: the run of siblings after it of its kind (tag and number of
 * cells), else — the header in a container of its own, as a <thead> — the run of such rows the next container
 * starts with. A row of another kind ends the run (a pager, 暂无数据): a row read under the wrong columns is worse.
 */
function divBody(head: Element, isHeader: (row: Element) => boolean): Element[] {
  const like = (r: Element): boolean => r.tagName === head.tagName && r.children.length === head.children.length && !isHeader(r);
  const run = (from: Element | null) => {
    const rows: Element[] = [];
    for (let r = from; r && like(r); r = r.nextElementSibling) rows.push(r);
    return rows;
  };
  const after = run(head.nextElementSibling);
  if (after.length || head.nextElementSibling) return after;
  for (let box = head.parentElement, up = 0; box && up < 2; box = box.parentElement, up++) {
    const next = box.nextElementSibling;
    if (next) return like(next) ? run(next) : run(next.firstElementChild);
  }
  return [];
}

function fromDivGrids(heads: readonly DivHead[], labels: PortalLabels): PortalCase[] {
  const allLabels = new Set(Object.values(labels).flat().map(norm));
  const isHeader = (r: Element) => Array.from(r.children).some((c) => allLabels.has(headerText(c)));
  return heads.flatMap((head) =>
    divBody(head.row, isHeader).flatMap((row) => {
      const cells = Array.from(row.children);
      const status = cells[head.status];
      const statusText = said(status);
      const anchor = cells[head.title >= 0 ? head.title : head.serial];
      if (!status || !statusText || hasControl(status) || !text(anchor)) return [];
      return [rowCase({ status, serial: cells[head.serial], title: cells[head.title], appliedAt: cells[head.appliedAt] }, statusText, [row])];
    }),
  );
}

/** A label and what it labels on a detail page: the element after it, or the rest of 「当前状态：待补正」. */
interface Labelled {
  /** Which label, as `labelText` writes it. */
  key: string;
  label: Element;
  value: string;
  cell: Element;
  /** The value is bare text after the label element (「<span>补正意见：</span>1. …<br>2. …」). */
  bare?: true;
}

/**
 * The value of a label: in a table, the next cell of its row (empty: no value); elsewhere the next sibling
 * with text. Never another label, a grid header's next column or a form control (a search form's select).
 */
function valueAfter(label: Element, isLabel: (s: string) => boolean): Element | undefined {
  const inRow = label.tagName === 'TD' || label.tagName === 'TH';
  for (let n = label.nextSibling; n; n = n.nextSibling) {
    // Bare text after the label is its value (lineAfter), not the next element's.
    if (!(n instanceof Element)) {
      if (!inRow && n.textContent?.trim()) return undefined;
      continue;
    }
    const el = n;
    if (isLabel(norm(el.textContent)) || el.tagName === 'TH' || hasControl(el)) return undefined;
    // A header's next column, glossed or not (「操作 Action」), is no value.
    if (text(el)) return HEADERISH.test(norm(el.textContent)) || HEADERISH.test(headerText(el)) ? undefined : el;
    if (inRow) return undefined;
  }
  return undefined;
}

/** A line that opens with a label of its own (「受理部门：…」): another field, not a point of an opinion. */
const LABEL_FIRST = /^[*＊]?[\u4e00-\u9fff]{2,8}\s*[:：]/;
/** How a point of an opinion is numbered: 1. 1、 (1) （一） ① 一、 */
const NUMBERED = /^(\d{1,2}\s*[.、．)）]|[(（]\s*[\d一二三四五六七八九十]{1,2}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,2}、)/;
/** Elements a line flows through (a point's words in bold, a link): not a point of their own. */
const INLINE = /^(A|B|STRONG|EM|I|U|FONT|SPAN|SMALL|LABEL)$/;

/**
 * The points of a 补正意见 that go on after the element `from` holding its label or its first point, as
 * siblings: lines of text between <br>s, or one element each (「<p>补正意见：</p><p>1. …</p><p>2. …</p>」,
 * <dd>s after a <dt>). Read as a person reads down the block, up to the first sibling that is not a point:
 * another label (ours, or any 「word：」), a heading, a table or a form control, an element of another kind
 * than the points before it (tag and class: a 办理进度 block title, a note), an unnumbered line after numbered
 * points, or a short line that says nothing (a block title such as 办理进度). A wrong opinion is worse than a
 * short one: every doubt ends it.
 */
function pointsAfter(from: Element, first: string, isLabel: (s: string) => boolean): string[] {
  const out: string[] = [];
  // The first point says whether the points are numbered; the element holding it, what kind they are.
  let lead = first;
  let kind = first ? from.tagName + from.className : undefined;
  let line = '';
  // Whether a line is one more point (an empty line is neither).
  const point = (raw: string): boolean | undefined => {
    const t = raw.replace(/\s+/g, ' ').trim();
    if (!t) return undefined;
    const like = NUMBERED.test(lead) ? NUMBERED.test(t) : NUMBERED.test(t) || t.length >= 8 || /[。；;！!]$/.test(t);
    const ok = !isLabel(norm(t)) && !LABEL_FIRST.test(t) && !HEADERISH.test(norm(t)) && (!lead || like);
    if (ok) out.push(t);
    lead ||= ok ? t : '';
    return ok;
  };
  for (let n = from.nextSibling; n && out.length < 20; n = n.nextSibling) {
    if (!(n instanceof Element)) line += n.nodeType === 3 ? n.nodeValue : '';
    else if (INLINE.test(n.tagName) && !n.querySelector('br, p, div, li, table')) line += n.textContent;
    else {
      if (point(line) === false) return out;
      line = '';
      if (n.tagName === 'BR') continue;
      // Lines of text end at the first block; blocks go on while they are of one kind.
      const k = n.tagName + n.className;
      if (!/^(P|DIV|LI|DD)$/.test(n.tagName) || hasControl(n) || n.querySelector('table, h1, h2, h3, h4, h5, h6') || (kind ?? (out.length ? '' : k)) !== k) return out;
      kind = k;
      if (point(lines(n)) === false) return out;
    }
  }
  point(line);
  return out;
}

/** The text after a label written as bare text up to the line's end (「<span>办件状态：</span>待补正<br>」). */
function lineAfter(label: Element, isLabel: (s: string) => boolean): string {
  let t = '';
  for (let n = label.nextSibling; n; n = n.nextSibling) {
    if (n instanceof Element && (!INLINE.test(n.tagName) || isLabel(norm(n.textContent)) || LABEL_FIRST.test(n.textContent?.trim() ?? ''))) break;
    t += n.textContent;
  }
  return t.replace(/\s+/g, ' ').trim();
}

type PairReader = (el: Element) => Map<string, string>;

/** An element's text as shown, a line break or a block's edge as a new line (「申请人：张三<br>办件状态：待补正」). */
function lines(el: Element): string {
  return shown(el, false);
}

/**
 * The text `el` shows, a line break or a block's edge as a new line, a read-only control as its value
 * (shownValue); without what is in links and buttons when `skipActions` (beside).
 */
function shown(el: Element, skipActions: boolean): string {
  const own = shownValue(el);
  if (own !== undefined) return own;
  let out = '';
  const walk = (parent: Node) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) out += n.nodeValue ?? '';
      if (!(n instanceof Element) || (skipActions && /^(A|BUTTON)$/.test(n.tagName))) continue;
      if (/^(BR|P|DIV|LI|DT|DD|TR|TD|TH)$/.test(n.nodeName)) out += '\n';
      const value = shownValue(n);
      if (value === undefined) walk(n);
      else out += ` ${value} `;
    }
  };
  walk(el);
  return out;
}

/** A pattern matching any of `words`, the longest first. */
const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/**
 * A reader of the labels of `all` written with their values in one element's text — 「当前状态：待补正」,
 * 「办件编号：3701… 办件状态：待补正」 — each label at the start or after a space or separator (not 补正状态's
 * 状态), its value the text up to the line's end or the next label and colon (ours, or any short word and a
 * colon after a space: 「受理部门：…」). A label of `multiLine` (the 补正意见: portals list its points one per line,
 * 「1. 身份证复印件不清晰<br>2. 劳动合同未盖章」) goes on over the lines after it up to the next label. Not NFKC: an
 * opinion keeps its full-width punctuation. Each element is read once.
 */
function inlineReader(all: readonly string[], multiLine: readonly string[]): PairReader {
  const alt = alternation(all);
  // A count after a label (「补正内容（1）：」) is part of it.
  const count = '(?:\\s*[(（]\\d{1,2}[)）])?';
  const nextLabel = `[*＊]?(?:${alt})${count}\\s*[:：]|[\\s,，;；|][\\u4e00-\\u9fff]{2,8}[:：]`;
  const end = new RegExp(`\\n|${nextLabel}`, 'g');
  const labelEnd = new RegExp(nextLabel, 'g');
  const lasting = new Set(multiLine.map(norm));
  // Or, at a line's start, an opinion's label and its text with no colon between: a count or a space (「补正意见
  // 请补充…」). Only an opinion's: 「办件状态 Status」 is a header cell with a gloss, not a status 「Status」.
  const opinion = alternation(multiLine);
  const start = new RegExp(`(?:^|[\\s,，;；|])[*＊]?(${alt})${count}\\s*[:：][^\\S\\n]*|(?:^|\\n)[^\\S\\n]*[*＊]?(${opinion})(?:[(（]\\d{1,2}[)）]|[^\\S\\n])[^\\S\\n]*`, 'g');
  const read = new WeakMap<Element, Map<string, string>>();
  return (el) => {
    const known = read.get(el);
    if (known) return known;
    const t = lines(el);
    const ends = Array.from(t.matchAll(end), (m) => m.index);
    const labelEnds = Array.from(t.matchAll(labelEnd), (m) => m.index);
    const out = new Map<string, string>();
    for (const m of t.matchAll(start)) {
      const label = norm(m[1] ?? m[2]);
      const from = m.index + m[0].length;
      const until = (lasting.has(label) ? labelEnds : ends).find((e) => e >= from) ?? t.length;
      const value = t.slice(from, until).replace(/\s+/g, ' ').replace(/^[\s,，;；|]+|[\s,，;；|]+$/g, '');
      if (!out.has(label)) out.set(label, value);
    }
    read.set(el, out);
    return out;
  };
}

/**
 * Every place a label of `wanted` (as `labelText` writes them) shows a value, in one pass over the page: an
 * element whose own text is the label (the smallest), with the value after it; or the smallest element reading
 * 「label：value」.
 */
function labelledAll(elements: readonly Element[], wanted: ReadonlySet<string>, isLabel: (s: string) => boolean, pairs: PairReader): Labelled[] {
  const out: Labelled[] = [];
  for (const el of elements) {
    const own = labelText(el.textContent);
    if (wanted.has(own) && !Array.from(el.children).some((c) => wanted.has(labelText(c.textContent)))) {
      const cell = valueAfter(el, isLabel);
      const line = cell ? '' : lineAfter(el, isLabel);
      if (cell) out.push({ key: own, label: el, value: text(cell), cell });
      else if (line) out.push({ key: own, label: el, value: line, cell: el, bare: true });
    } else if (own.length <= 400 && !hasControl(el)) {
      for (const [key, value] of pairs(el)) {
        // The smallest element holding the pair (not its row, block or page); a value, not a header's next column.
        if (!wanted.has(key) || !value || HEADERISH.test(norm(value)) || Array.from(el.children).some((c) => pairs(c).has(key))) continue;
        out.push({ key, label: el, value, cell: el });
      }
    }
  }
  return out;
}

/** How many ancestors two elements share: the deeper, the nearer (the same table, the same block). */
const shared = (a: Element, b: Element): number => {
  let n = 0;
  for (let el: Element | null = a; el; el = el.parentElement) if (el.contains(b)) n++;
  return n;
};

/** A 补正意见 with the points that go on after it in sibling elements or lines (pointsAfter). */
function correctionOf(found: Labelled | undefined, isLabel: (s: string) => boolean): string | undefined {
  if (!found) return undefined;
  const points = found.bare ? pointsAfter(found.label, '', isLabel) : [found.value, ...pointsAfter(found.cell, found.value, isLabel)];
  return points.join(' ') || undefined;
}

/**
 * A reviewer's opinion under the name of the step (审核意见, 审查意见, 预审意见…): where a page gives no 补正
 * label, on a case waiting for 补正 it is what to correct; on any other it says 同意 or 准予注册, no 补正意见.
 */
const REVIEW = ['审核', '审查', '审批', '预审', '初审', '复审', '受理', '窗口'].map((step) => `${step}意见`);
/** How the 补正 statuses of case-statuses.json word it (待补正, 需补正, 待补齐补正). */
const WAITS_FOR_CORRECTION = /补正|补齐/;

/** A test of whether a label found is one of `labels`. */
const oneOf = (labels: readonly string[]) => {
  const keys = new Set(labels.map(norm));
  return (f: Labelled) => keys.has(f.key);
};

/**
 * The matter a card or block shows as its heading, without a label (「<h4>二级建造师注册资格认定（变更注册）</h4>」):
 * the last short line before `anchor` in `scope` that names one business and is no 「label：value」. Lines
 * before it naming another business (a menu, tabs of businesses) leave it unknown: a wrong matter is worse.
 */
function headingBefore(scope: Element, anchor: Element): string | undefined {
  const found: string[] = [];
  for (const el of Array.from(scope.querySelectorAll('*'))) {
    if (anchor.compareDocumentPosition(el) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */) break;
    const t = el.childElementCount ? '' : text(el);
    if (t.length <= 60 && !/[:：]/.test(t) && businessFromText(t) && headingLike(el, scope) && !inNavigation(el, scope)) found.push(t);
  }
  return new Set(found.map(businessFromText)).size === 1 ? found.at(-1) : undefined;
}

/** What marks a heading: its tag, its role, or a class naming a title (「card-title」, 「name」, 「bj-tit」). */
const HEADING_CLASS = /title|name|head|subject|caption|(^|[\s_-])tit([\s_-]|$)/i;
/** What marks page chrome that names businesses without being a card's matter: menus, tabs, crumbs, side bars. */
const NAVIGATION_CLASS = /(^|[\s_-])(menu|menus|nav|navbar|tab|tabs|crumb|crumbs|breadcrumb|sidebar|side|aside)([\s_-]|$)/i;

/**
 * A line drawn as a heading — in an <h1>–<h6>, bold, or in an element (up to two levels above the text) whose
 * role or class says it is a title: a card's matter. A plain line or link (「我要办理延续注册」) is not.
 */
function headingLike(el: Element, scope: Element): boolean {
  for (let e: Element | null = el, up = 0; e && up < 3 && scope.contains(e); e = e.parentElement, up++) {
    if (/^(H[1-6]|B|STRONG)$/.test(e.tagName) || e.getAttribute('role') === 'heading' || HEADING_CLASS.test(e.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Inside navigation — <nav>, <menu>, <aside>, a role or class of menus, tabs or crumbs — below `scope`. */
function inNavigation(el: Element, scope: Element): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement) {
    if (/^(NAV|MENU|ASIDE)$/.test(e.tagName) || /^(navigation|menu|menubar|menuitem|tablist|tab)$/.test(e.getAttribute('role') ?? '') || NAVIGATION_CLASS.test(e.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** The block around two elements: their nearest common ancestor, two levels up at most, below <body>. */
function blockOf(a: Element, b: Element): Element | undefined {
  const body = b.ownerDocument.body;
  let el: Element | null = b;
  while (el && !el.contains(a)) el = el.parentElement;
  for (let up = 0; el && up < 2 && el.parentElement && el.parentElement !== body; up++) el = el.parentElement;
  return el && el !== body && body.contains(el) ? el : undefined;
}

/**
 * The one application the labels found in `found` show (a detail page, or a card of a list), `scope` the block
 * around them where its heading and its detail link may be: none without a status and a title or serial.
 */
function caseOf(found: readonly Labelled[], labels: PortalLabels, isLabel: (s: string) => boolean, scope: Element | undefined, url: string | undefined): PortalCase | undefined {
  const of = (l: readonly string[]) => found.filter(oneOf(l));
  const title = of(labels.title)[0];
  const serial = of(labels.serial)[0];
  // A status alone (a 状态 column of some other table) is not an application.
  const anchor = (title ?? serial)?.label;
  if (!anchor) return undefined;
  // Of several, the one shown with the application's title or number (not a 办理进度 grid's 状态).
  const nearest = (xs: Labelled[]) => xs.reduce<Labelled | undefined>((best, x) => (!best || shared(x.label, anchor) > shared(best.label, anchor) ? x : best), undefined);
  const statuses = of(labels.status);
  const status = nearest(statuses);
  // Two statuses as near the application as each other that say different things: which is its own is not known.
  if (!status || statuses.some((x) => x.value !== status.value && shared(x.label, anchor) === shared(status.label, anchor))) return undefined;
  // Where no label names it, the matter is the heading of the block around the status and the anchor.
  const around = scope ?? blockOf(status.label, anchor);
  const matter = title?.value ?? (around && headingBefore(around, anchor));
  const deadline = nearest(of(labels.correctionDeadline))?.value;
  const opinions = of(labels.correction);
  return {
    serial: serial?.value,
    title: matter,
    business: businessFromText(matter),
    statusText: withoutActions(status.value, status.cell),
    statusCode: codeIn(status.cell),
    appliedOn: dateIn(nearest(of(labels.appliedAt))?.value ?? ''),
    ref: scope ? refIn([scope], url) : (refIn([], url) ?? (around && refIn([around]))),
    correction: correctionOf(nearest(opinions.length || !WAITS_FOR_CORRECTION.test(status.value) ? opinions : of(REVIEW)), isLabel),
    correctionDeadline: deadline ? dateIn(deadline) : undefined,
  };
}

/** What marks a badge or tag: its class (Bootstrap's label and badge, Element's el-tag, Layui's layui-badge…) or role. */
const BADGE_CLASS = /(^|[\s_-])(badge|tag|label|status|state|zt|pill|chip)([\s_-]|$)/i;
/** A note in brackets after a status word (待补正（剩余5个工作日）), as status-map.ts reads it. */
const STATUS_NOTE = /[(（【[][^)）】\]]*[)）】\]]/g;

/**
 * Statuses shown without a label, as a badge or tag (「<span class="badge badge-warning">待补正</span>」 beside the
 * matter): an element marked as one whose whole text is a status word of the rule data (`statusTexts`,
 * case-statuses.json), not in navigation (a tab 「待补正」 is a filter) nor in a table with headers (a 办理进度
 * grid's column). Read as if labelled `key` (a status label).
 */
function badges(elements: readonly Element[], statusTexts: readonly string[], key: string): Labelled[] {
  const words = new Set(statusTexts.map(norm));
  if (!words.size) return [];
  const body = elements[0]?.ownerDocument.body;
  const out: Labelled[] = [];
  for (const el of elements) {
    if (!BADGE_CLASS.test(el.getAttribute('class') ?? '') && el.getAttribute('role') !== 'status') continue;
    const value = said(el);
    if (!words.has(norm(value)) && !words.has(norm(value.replace(STATUS_NOTE, '')))) continue;
    if (!body || inNavigation(el, body) || el.closest('table')?.querySelector('th, thead') || out.some((b) => b.label.contains(el))) continue;
    out.push({ key, label: el, value, cell: el });
  }
  return out;
}

/**
 * The 办件 a page shows by labels and values: a list drawn as cards (a status in each of several blocks, each
 * block the largest holding no other card's status, with the application's title or number) gives one per card;
 * else the one application of a detail page. Labels of grid headers (`headers`) are not read.
 */
function fromLabels(doc: Document, elements: readonly Element[], labels: PortalLabels, url: string | undefined, headers: readonly Element[], statusTexts: readonly string[]): PortalCase[] {
  const all = [...Object.values(labels).flat(), ...REVIEW];
  const allLabels = new Set(all.map(norm));
  const isLabel = (s: string) => allLabels.has(s.replace(COUNT, ''));
  const pairs = inlineReader(all, [...labels.correction, ...REVIEW]);
  const read = labelledAll(elements, allLabels, isLabel, pairs).filter(({ label }) => !headers.some((h) => h.contains(label)));
  const labelled = read.filter(oneOf(labels.status));
  // No status label with a value: a status drawn as a badge with no label, if any.
  const statuses = labelled.length ? labelled : badges(elements, statusTexts, norm(labels.status[0]));
  const found = labelled.length ? read : [...read, ...statuses];
  // No status: no 办件 (most pages end here, after one pass over the page).
  if (!statuses.length) return [];
  const anchored = oneOf([...labels.title, ...labels.serial]);
  const cards = new Set<Element>();
  for (const { label } of statuses) {
    let card = label;
    for (let up = card.parentElement; up && up !== doc.body && statuses.every((s) => card.contains(s.label) || !up?.contains(s.label)); up = up.parentElement) card = up;
    if (found.some((f) => anchored(f) && card.contains(f.label))) cards.add(card);
  }
  const one = (scope: Element | undefined) => caseOf(scope ? found.filter((f) => scope.contains(f.label)) : found, labels, isLabel, scope, url) ?? [];
  return cards.size > 1 ? [...cards].flatMap(one) : [one(undefined)].flat();
}

/**
 * Every 办件 the page shows: the rows of a 我的申请-style grid, else the one application of a detail page.
 * `url` (the page's address) gives the detail page's application id; `statusTexts` (the status words of
 * case-statuses.json) let a status shown as a badge with no label be read. Empty when the page shows none.
 */
export function getPortalCases(doc: Document, labels: PortalLabels, url?: string, statusTexts: readonly string[] = []): PortalCase[] {
  const heads = gridHeads(doc, labels);
  const rows = fromGrid(heads, labels);
  if (rows.length) return rows;
  // One pass over the page's elements for both (the panel reads a page again on every change of its text).
  const elements = Array.from(doc.body?.querySelectorAll('*') ?? []);
  const divHeads = divGridHeads(elements, labels);
  const divRows = fromDivGrids(divHeads, labels);
  if (divRows.length) return divRows;
  // A grid's header (an empty list's) is never read as labels and values: 「流水号 | 序号」 is no serial.
  return fromLabels(doc, elements, labels, url, [...heads.flatMap((h) => h.rows), ...divHeads.map((h) => h.row)], statusTexts);
}
