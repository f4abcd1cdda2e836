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

/** The cells of `row` under the columns [col, col + span) of a header cell; the row's band starts at column `at`. */
export const under = (row: Element, col: number, span = 1, at = 0): Element[] =>
  positions(row)
    .filter((p) => p.col + at < col + span && p.col + at + p.span > col)
    .map((p) => p.cell);

/** A table's own rows, not those of a table nested in one of its cells. */
export const rowsOf = (table: Element): Element[] => Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);

/** A row element of a grid and the grid column its band starts at. */
export type Part = readonly [row: Element, at: number];

/**
 * The bands of a grid drawn as header tables above body tables, found from one of its header tables, as
 * [header table, body table, first column]: MiniUI and EasyUI draw locked columns as a band of their own left
 * of the scrolled band, in DOM order either every header then every body, or band by band. The tables of the
 * nearest wrappers (up to 5) are split into headers and bodies so that each header table lays out as many
 * columns as its body table, the header tables all have as many rows, and so do the bodies (every band draws
 * every row); the widest wrapper that splits wins (a band alone splits too). A wrapper the two orders split
 * differently is no grid: a row joined to another grid's row is worse than none.
 */
function bandsOf(head: Element): Array<[Element, Element, number]> | undefined {
  const width = (t: Element) => Math.max(...rowsOf(t).flatMap((r) => positions(r).map((p) => p.col + p.span)));
  const count = (ts: Element[]) => new Set(ts.map((t) => rowsOf(t).length)).size;
  let found: Element[][] | undefined;
  for (let box = head.parentElement, up = 0; box && up < 5; box = box.parentElement, up++) {
    const b = box;
    const ts = Array.from(b.querySelectorAll<Element>('table')).filter((t) => !b.contains(t.parentElement?.closest('table') ?? null));
    const k = ts.length / 2;
    const fits = [
      [ts.slice(0, k), ts.slice(k)],
      [ts.filter((_t, i) => i % 2 < 1), ts.filter((_t, i) => i % 2)],
    ].filter(([hs = [], bs = []]) => hs.includes(head) && hs.map(width).join() === bs.map(width).join() && count(hs) < 2 && count(bs) < 2);
    if (fits[1]?.[0]?.some((t, i) => t !== fits[0]?.[0]?.[i])) return undefined;
    found = fits[0] ?? found;
  }
  let at = 0;
  const [hs = [], bs = []] = found ?? [];
  return found && hs.map((h, i) => [h, bs[i] ?? h, (at += width(h)) - width(h)]);
}

/**
 * The grid the header row `header` heads, `depth` header rows in all, as a person reads it: its header rows and
 * body rows, each row as its row elements side by side (one per band), every cell counted with rowspan. Rows
 * after the header in its own table; else the bands of a grid drawn in several tables; else (no pairing) rows
 * with as many cells as the header nearby.
 */
export function gridOf(header: Element, depth = 1): { heads: Part[]; rows: Part[][] } {
  const table = header.closest('table');
  const own = table ? rowsOf(table) : [header];
  const i = own.indexOf(header);
  const after = own.slice(i + depth);
  const bands = !after.length && table ? bandsOf(table) : undefined;
  if (!bands) return { heads: own.slice(i, i + depth).map((r) => [r, 0]), rows: after.map((r) => [[r, 0]]) };
  const bodies = bands.map(([, b, at]) => rowsOf(b).map((r): Part => [r, at]));
  return {
    heads: bands.flatMap(([h, , at]) => rowsOf(h).slice(i, i + depth).map((r): Part => [r, at])),
    rows: (bodies[0] ?? []).map((_r, n) => bodies.flatMap((rows) => rows.slice(n, n + 1))),
  };
}

/** The cells of a grid row (its row elements side by side, one per band) under the columns [col, col + span). */
export const cellsUnder = (row: readonly Part[], col: number, span: number): Element[] => row.flatMap(([r, at]) => under(r, col, span, at));

/**
 * Rows that may be the body of a grid whose header ends at `header` and is `width` columns wide, where no
 * pairing of tables found it (gridOf): rows of as many cells, no header cell, under the nearest ancestor that
 * has any (MiniUI and most Epoint grids put the header and the body in separate tables).
 */
export function bodyRows(header: Element, width: number): Element[] {
  const fits = (r: Element) => r !== header && cellsOf(r).length === width && !r.querySelector('th');
  let scope: Element | null = header.closest('table');
  for (let depth = 0; scope && depth < 6; depth++, scope = scope.parentElement) {
    const rows = Array.from(scope.querySelectorAll('tr')).filter(fits);
    if (rows.length) return rows;
  }
  return [];
}
