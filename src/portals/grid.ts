/**
 * Reading portal grids as a person does, by column position: a header cell spanning two columns heads both,
 * and a grid drawn as a header table above a body table (MiniUI datagrids, most Epoint lists) is one grid.
 * Pure DOM reading, shared by the material tables (material-table.ts) and the 办件 extractor
 * (cases/portal-status.ts).
 */

export const cellsOf = (row: Element): HTMLTableCellElement[] => Array.from(row.children).filter((c) => c instanceof HTMLTableCellElement);

export interface Position {
  cell: Element;
  /** The first column the cell starts at. */
  col: number;
  /** How many columns it spans (colspan). */
  span: number;
  /** How many rows it spans (rowspan): a header cell over two header rows, a material over its two files. */
  down: number;
}

/** Laid-out rows, kept for one task: reading a grid asks for each row's positions, the DOM does not change meanwhile. */
let laid: WeakMap<Element, Position[]> | undefined;

/**
 * A row's cells with the first column each starts at and how many columns and rows it spans, laid out as a
 * person reads the table: a cell starts at the first column no cell of a row above still covers (rowspan).
 */
export function positions(row: Element): Position[] {
  if (!laid) {
    laid = new WeakMap();
    queueMicrotask(() => (laid = undefined));
  }
  let covered: number[] = [];
  // The whole section at once: a row's columns depend on every row above it.
  for (const r of laid.has(row) ? [] : (row.parentElement?.children ?? [row])) {
    let col = 0;
    laid.set(
      r,
      cellsOf(r).map((cell) => {
        while ((covered[col] ?? 0) > 0) col++;
        // The browser's reading of colspan/rowspan (a number ≥ 1; rowspan 0, to the section's end, taken as 1).
        const p = { cell, col, span: cell.colSpan, down: cell.rowSpan || 1 };
        for (let k = 0; k < p.span; k++) covered[col + k] = p.down;
        col += p.span;
        return p;
      }),
    );
    covered = covered.map((n) => n - 1);
  }
  return laid.get(row) ?? [];
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
