import { normLabel, normText } from './dom';

export interface MaterialRow {
  name: string;
  /** The row shows a file already given: an uploaded file link, 已上传/已提交, or a ticked 收取 box. */
  hasFile: boolean;
}

const DONE_WORDS = /^(已上传|已提交|已收取|已收件|上传成功)$/;
const FILE_LINKS = 'a.attach-file, a.attach, .file-item, .uploader-list .file-name, a[href*="download" i][data-fileguid]';

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

/**
 * Read the material tables of a page (上传申报材料, 材料清单): any table whose header row has a 材料名称 cell —
 * native tables and rendered MiniUI datagrids alike. Pure: reads the DOM, changes nothing.
 */
export function readMaterialTables(doc: Document): MaterialRow[] {
  const rows: MaterialRow[] = [];
  for (const table of doc.querySelectorAll('table')) {
    const allRows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
    const headerIndex = allRows.findIndex((r) => cellsOf(r).some((c) => normLabel(c.textContent) === '材料名称'));
    if (headerIndex < 0) continue;
    const header = cellsOf(allRows[headerIndex]!);
    const nameCol = header.findIndex((c) => normLabel(c.textContent) === '材料名称');
    const receivedCol = header.findIndex((c) => /收取/.test(normLabel(c.textContent)));
    for (const row of allRows.slice(headerIndex + 1)) {
      const cells = cellsOf(row);
      const name = normText(cells[nameCol]?.textContent);
      if (!name) continue;
      // A checkbox cell is judged by its tick alone: MiniUI labels the box 「已收取」 whether ticked or not.
      const words = cells.filter((c) => !c.querySelector('input[type=checkbox]')).map((c) => normText(c.textContent));
      const receivedCell = receivedCol >= 0 ? cells[receivedCol] : undefined;
      const received = receivedCell?.querySelector('input[type=checkbox]:checked') != null;
      const hasFile =
        row.querySelector(FILE_LINKS) !== null || words.some((w) => DONE_WORDS.test(w)) || received;
      rows.push({ name, hasFile });
    }
  }
  return rows;
}
