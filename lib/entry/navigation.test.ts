import { describe, expect, it } from "vitest";
import { nextCell } from "./navigation";

const size = { rows: 3, cols: 4 };

describe("nextCell", () => {
  it("moves one cell with the arrows and stops at the edges", () => {
    expect(nextCell({ row: 1, col: 1 }, { key: "ArrowUp" }, size)).toEqual({ row: 0, col: 1 });
    expect(nextCell({ row: 1, col: 1 }, { key: "ArrowRight" }, size)).toEqual({ row: 1, col: 2 });
    expect(nextCell({ row: 0, col: 0 }, { key: "ArrowLeft" }, size)).toEqual({ row: 0, col: 0 });
    expect(nextCell({ row: 2, col: 3 }, { key: "ArrowDown" }, size)).toEqual({ row: 2, col: 3 });
  });

  it("moves down on Enter and up on Shift+Enter", () => {
    expect(nextCell({ row: 0, col: 2 }, { key: "Enter" }, size)).toEqual({ row: 1, col: 2 });
    expect(nextCell({ row: 1, col: 2 }, { key: "Enter", shiftKey: true }, size)).toEqual({ row: 0, col: 2 });
  });

  it("moves along the row on Tab, wrapping to the next row, and back on Shift+Tab", () => {
    expect(nextCell({ row: 0, col: 3 }, { key: "Tab" }, size)).toEqual({ row: 1, col: 0 });
    expect(nextCell({ row: 1, col: 0 }, { key: "Tab", shiftKey: true }, size)).toEqual({ row: 0, col: 3 });
    expect(nextCell({ row: 2, col: 3 }, { key: "Tab" }, size)).toEqual({ row: 2, col: 3 });
  });

  it("ignores keys that do not move", () => {
    expect(nextCell({ row: 0, col: 0 }, { key: "a" }, size)).toBeNull();
  });
});
