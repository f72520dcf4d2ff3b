/**
 * Spreadsheet-style movement in the entry grid: arrows move one cell, Tab/Shift+Tab move along the row and
 * wrap to the next/previous row, Enter moves down (Shift+Enter up). Movement stops at the edges. Pure.
 */
import type { CellPos, GridSize } from "./paste";

export interface MoveKey {
  key: string;
  shiftKey?: boolean;
}

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);

/** The cell to focus after `key`, or null when the key does not move focus. */
export function nextCell(pos: CellPos, { key, shiftKey = false }: MoveKey, size: GridSize): CellPos | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  switch (key) {
    case "ArrowUp":
      return { row: clamp(pos.row - 1, lastRow), col: pos.col };
    case "ArrowDown":
      return { row: clamp(pos.row + 1, lastRow), col: pos.col };
    case "ArrowLeft":
      return { row: pos.row, col: clamp(pos.col - 1, lastCol) };
    case "ArrowRight":
      return { row: pos.row, col: clamp(pos.col + 1, lastCol) };
    case "Enter":
      return { row: clamp(pos.row + (shiftKey ? -1 : 1), lastRow), col: pos.col };
    case "Tab": {
      const index = pos.row * size.cols + pos.col + (shiftKey ? -1 : 1);
      const bounded = clamp(index, size.rows * size.cols - 1);
      return { row: Math.floor(bounded / size.cols), col: bounded % size.cols };
    }
    default:
      return null;
  }
}
