/**
 * Pasting a block copied from a spreadsheet: tab-separated columns, one line per row (Excel, Google Sheets
 * and LibreOffice all copy this way). The block lands with its top-left at the focused cell; whatever falls
 * outside the grid is dropped and reported. Pure.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/**
 * Rows of cells from clipboard text. Quoted cells (a value holding a tab or newline) are unquoted. Other
 * delimiters serve pasted or uploaded CSV (the survey "Email links" address list).
 */
export function parseClipboardBlock(text: string, delimiter: "\t" | "," | ";" = "\t"): string[][] {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  if (normalized === "") return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < normalized.length; i++) {
    const ch = normalized[i];
    if (quoted) {
      if (ch === '"' && normalized[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

export interface PasteCell extends CellPos {
  text: string;
}

export interface PastePlan {
  cells: PasteCell[];
  /** Pasted cells that fell outside the grid. */
  dropped: number;
}

/** Where each pasted cell goes, starting at `start`; cells beyond the grid's edges are dropped. */
export function planPaste(block: string[][], start: CellPos, size: GridSize): PastePlan {
  const cells: PasteCell[] = [];
  let dropped = 0;
  block.forEach((line, r) =>
    line.forEach((text, c) => {
      const row = start.row + r;
      const col = start.col + c;
      if (row < size.rows && col < size.cols) cells.push({ row, col, text: text.trim() });
      else dropped++;
    }),
  );
  return { cells, dropped };
}
