import { normLabel, normText } from './dom';

export interface MaterialRow {
  name: string;
  /** The row shows a file already given: an uploaded file link, 已上传/已提交, or a ticked 收取 box. */
  hasFile: boolean;
}

const DONE = /已(上传|提交|收取|收件|接收|上报)|上传成功|提交成功/;
const NOT_DONE = /未|待|无|缺/;
const FILE_LINKS = 'a.attach-file, a.attach, .file-item, .uploader-list .file-name, a[href*="download" i][data-fileguid]';

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

/** Columns whose cells say whether a file is in: 状态, 上传, 提交, 收取, 电子材料, 附件, 文件. */
const STATUS_HEADER = /状态|上传|提交|收取|收件|电子|附件|文件|情况/;

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

function rowHasFile(cells: Element[], row: Element, statusCols: number[]): boolean {
  if (row.querySelector(FILE_LINKS)) return true;
  for (const i of statusCols) {
    const cell = cells[i];
    if (!cell) continue;
    // A checkbox cell is judged by its tick alone: MiniUI labels the box 「已收取」 whether ticked or not.
    const box = cell.querySelector<HTMLInputElement>('input[type=checkbox]');
    if (box) {
      if (box.checked) return true;
      continue;
    }
    const text = normText(cell.textContent);
    if (DONE.test(text) && !NOT_DONE.test(text.replace(DONE, ''))) return true;
  }
  return false;
}

/**
 * Read the material tables of a page (上传申报材料, 材料清单, a 一窗受理 grid): any table whose header row has
 * a material-name column — native tables and rendered MiniUI datagrids alike — with the status or file
 * columns beside it. Pure: reads the DOM, changes nothing.
 */
export function readMaterialTables(doc: Document): MaterialRow[] {
  const rows: MaterialRow[] = [];
  for (const table of doc.querySelectorAll('table')) {
    const allRows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
    const headerIndex = allRows.findIndex((r) => cellsOf(r).some((c) => nameScore(c.textContent ?? '') > 0));
    const headerRow = allRows[headerIndex];
    if (!headerRow) continue;
    const header = cellsOf(headerRow).map((c) => normLabel(c.textContent));
    const scores = header.map(nameScore);
    const nameCol = scores.indexOf(Math.max(...scores));
    const statusCols = header.flatMap((h, i) => (i !== nameCol && STATUS_HEADER.test(h) ? [i] : []));
    for (const row of allRows.slice(headerIndex + 1)) {
      const cells = cellsOf(row);
      const name = normText(cells[nameCol]?.textContent);
      if (name) rows.push({ name, hasFile: rowHasFile(cells, row, statusCols) });
    }
  }
  return rows;
}
