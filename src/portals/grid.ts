/**
 * Reading portal grids as a person does, by column position: a header cell spanning two columns heads both,
 * and a grid drawn as a header table above a body table (MiniUI datagrids, most Epoint lists) is one grid.
 * Pure DOM reading, shared by the material tables (material-table.ts) and the 办件 extractor
 * (cases/portal-status.ts).
 */

export const cellsOf = (row: Element): Element[] => Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

/** A row's cells with the first column each starts at and how many it spans (colspan counted). */
export function positions(row: Element): Array<{ cell: Element; col: number; span: number }> {
  let col = 0;
  return cellsOf(row).map((cell) => {
    const at = col;
    const span = Math.max(1, Number(cell.getAttribute('colspan') ?? '1') || 1);
    col += span;
    return { cell, col: at, span };
  });
}

/** The cells of `row` under the columns [col, col + span) of a header cell. */
export const under = (row: Element, col: number, span = 1): Element[] =>
  positions(row)
    .filter((p) => p.col < col + span && p.col + p.span > col)
    .map((p) => p.cell);

/**
 * Rows of the grid a header row heads: the rows after it in its table with as many cells, else (MiniUI and
 * most Epoint grids put the header and the body in separate tables) rows with as many cells under the
 * nearest ancestor that has any.
 */
export function bodyRows(header: Element): Element[] {
  const width = cellsOf(header).length;
  const fits = (r: Element) => r !== header && cellsOf(r).length === width && !r.querySelector('th');
  let scope: Element | null = header.closest('table');
  for (let depth = 0; scope && depth < 6; depth++, scope = scope.parentElement) {
    const rows = Array.from(scope.querySelectorAll('tr')).filter(fits);
    if (rows.length) return rows;
  }
  return [];
}
