import { describe, expect, it } from "vitest";
import { parseClipboardBlock, planPaste } from "./paste";

describe("parseClipboardBlock", () => {
  it("splits a spreadsheet copy into rows and tab-separated cells", () => {
    expect(parseClipboardBlock("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
  });

  it("keeps empty cells so columns stay aligned", () => {
    expect(parseClipboardBlock("1\t\t3\n\t5\t")).toEqual([
      ["1", "", "3"],
      ["", "5", ""],
    ]);
  });

  it("unquotes a cell that holds a tab, a newline or a quote", () => {
    expect(parseClipboardBlock('"a\tb"\t"line1\nline2"\t"say ""hi"""')).toEqual([["a\tb", "line1\nline2", 'say "hi"']]);
  });

  it("reads a single value and nothing", () => {
    expect(parseClipboardBlock("97.5")).toEqual([["97.5"]]);
    expect(parseClipboardBlock("")).toEqual([]);
  });
});

describe("planPaste", () => {
  it("places the block with its top-left at the focused cell", () => {
    const plan = planPaste([["1", "2"], ["3", "4"]], { row: 1, col: 2 }, { rows: 5, cols: 8 });
    expect(plan).toEqual({
      cells: [
        { row: 1, col: 2, text: "1" },
        { row: 1, col: 3, text: "2" },
        { row: 2, col: 2, text: "3" },
        { row: 2, col: 3, text: "4" },
      ],
      dropped: 0,
    });
  });

  it("drops cells beyond the grid's right and bottom edges", () => {
    const plan = planPaste([["1", "2", "3"], ["4", "5", "6"]], { row: 2, col: 6 }, { rows: 3, cols: 8 });
    expect(plan.cells.map((c) => [c.row, c.col, c.text])).toEqual([
      [2, 6, "1"],
      [2, 7, "2"],
    ]);
    expect(plan.dropped).toBe(4);
  });
});
