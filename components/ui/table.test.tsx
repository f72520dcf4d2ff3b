import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, type Column } from "./table";
import { nextSort, pageSlice, sortRows } from "./table-core";

interface Team {
  name: string;
  people: number | null;
}
const TEAMS: Team[] = [
  { name: "Payments", people: 7 },
  { name: "Atlas", people: 12 },
  { name: "Checkout", people: null },
  { name: "billing", people: 3 },
];
const COLUMNS: Column<Team>[] = [
  { key: "name", header: "Team", cell: (t) => t.name, sortValue: (t) => t.name, rowHeader: true },
  { key: "people", header: "People", cell: (t) => t.people ?? "—", sortValue: (t) => t.people, numeric: true },
];

/** The row-header texts of the body, in order. */
const order = (html: string) => [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);

describe("Table", () => {
  it("names the table by its caption and gives each header a column scope", () => {
    const html = renderToStaticMarkup(<Table columns={COLUMNS} rows={TEAMS} rowKey={(t) => t.name} caption="Teams" />);
    expect(html).toContain('<caption class="sr-only">Teams</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html).toContain('class="text-right tabular-nums">12</td>');
  });

  it("sorts its own rows by the default sort and marks that header with aria-sort", () => {
    const asc = renderToStaticMarkup(<Table columns={COLUMNS} rows={TEAMS} rowKey={(t) => t.name} defaultSort={{ key: "people", dir: "asc" }} />);
    expect(order(asc)).toEqual(["billing", "Payments", "Atlas", "Checkout"]);
    expect(asc).toMatch(/<th scope="col" class="text-right" aria-sort="ascending"><button type="button"[^>]*>People<span aria-hidden="true"> ▲<\/span>/);
    expect(asc).not.toMatch(/<th scope="col"[^>]*aria-sort[^>]*>(<button[^>]*>)?Team/);

    const desc = renderToStaticMarkup(<Table columns={COLUMNS} rows={TEAMS} rowKey={(t) => t.name} defaultSort={{ key: "name", dir: "desc" }} />);
    expect(order(desc)).toEqual(["Payments", "Checkout", "billing", "Atlas"]);
    expect(desc).toContain('aria-sort="descending"');
  });

  it("leaves server-sorted rows in their order and shows the sort it is told", () => {
    const html = renderToStaticMarkup(
      <Table columns={COLUMNS.map((c) => ({ ...c, sortValue: undefined, sortKey: c.key }))} rows={TEAMS} rowKey={(t) => t.name} sort={{ key: "name", dir: "asc" }} onSortChange={() => {}} />,
    );
    expect(order(html)).toEqual(["Payments", "Atlas", "Checkout", "billing"]);
    expect(html).toContain('aria-sort="ascending"><button type="button" class="font-medium underline decoration-dotted hover:text-slate-900">Team');
  });

  it("shows one page of rows with Previous/Next when paging on the client", () => {
    const html = renderToStaticMarkup(<Table columns={COLUMNS} rows={TEAMS} rowKey={(t) => t.name} pageSize={3} />);
    expect(order(html)).toEqual(["Payments", "Atlas", "Checkout"]);
    expect(html).toContain('<nav aria-label="Pages"');
    expect(html).toContain("Page 1 of 2");
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*>Previous page<\/button>/);
    expect(html).not.toMatch(/disabled=""[^>]*>Next page/);

    const onePage = renderToStaticMarkup(<Table columns={COLUMNS} rows={TEAMS} rowKey={(t) => t.name} pageSize={10} />);
    expect(onePage).not.toContain("Pages");
  });

  it("renders the page it is given when paged by the server, with the pager even on one page", () => {
    const html = renderToStaticMarkup(<Table columns={COLUMNS} rows={TEAMS.slice(2)} rowKey={(t) => t.name} pageSize={2} page={2} total={4} onPageChange={() => {}} />);
    expect(order(html)).toEqual(["Checkout", "billing"]);
    expect(html).toContain("Page 2 of 2");
    expect(html).toMatch(/disabled=""[^>]*>Next page/);
  });

  it("shows the empty-state text instead of an empty table", () => {
    const html = renderToStaticMarkup(<Table columns={COLUMNS} rows={[]} rowKey={(t) => t.name} caption="Teams" empty="No teams yet." />);
    expect(html).toBe('<p class="text-sm text-slate-600">No teams yet.</p>');
    const nothing = renderToStaticMarkup(<Table columns={COLUMNS} rows={[]} rowKey={(t) => t.name} empty={null} />);
    expect(nothing).toBe("");
  });

  it("passes row and cell attributes through", () => {
    const html = renderToStaticMarkup(
      <Table
        aria-label="Teams"
        data-testid="teams"
        columns={[{ ...COLUMNS[1]!, cellProps: (t) => ({ "data-empty": String(t.people === null) }) }]}
        rows={TEAMS.slice(2, 3)}
        rowKey={(t) => t.name}
        rowProps={(t) => ({ "data-testid": `team-${t.name}` })}
        rowClassName="border-t"
      />,
    );
    expect(html).toContain('<table aria-label="Teams" data-testid="teams">');
    expect(html).toContain('<tr data-testid="team-Checkout" class="border-t"><td data-empty="true" class="text-right tabular-nums">—</td></tr>');
  });
});

describe("table sorting and paging", () => {
  it("flips the direction on the same column and starts a new column at the first direction", () => {
    expect(nextSort(null, "a")).toEqual({ key: "a", dir: "asc" });
    expect(nextSort({ key: "a", dir: "asc" }, "a")).toEqual({ key: "a", dir: "desc" });
    expect(nextSort({ key: "a", dir: "desc" }, "a", "desc")).toEqual({ key: "a", dir: "asc" });
    expect(nextSort({ key: "a", dir: "asc" }, "b", "desc")).toEqual({ key: "b", dir: "desc" });
  });

  it("sorts numbers as numbers, text without case, and keeps empty values last both ways", () => {
    const rows = [{ v: 10 }, { v: null }, { v: 9 }, { v: 100 }];
    expect(sortRows(rows, (r) => r.v, "asc").map((r) => r.v)).toEqual([9, 10, 100, null]);
    expect(sortRows(rows, (r) => r.v, "desc").map((r) => r.v)).toEqual([100, 10, 9, null]);
    expect(sortRows(["b", "A", "c"], (s) => s, "asc")).toEqual(["A", "b", "c"]);
  });

  it("slices pages and clamps a page past the end", () => {
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageSlice([1, 2, 3, 4, 5], 9, 2)).toEqual([5]);
    expect(pageSlice([], 1, 2)).toEqual([]);
  });
});

describe("Table spanning rows", () => {
  it("replaces the cells after the first columns with one cell spanning the rest", () => {
    const html = renderToStaticMarkup(
      <Table columns={COLUMNS} rows={TEAMS.slice(0, 2)} rowKey={(t) => t.name} spanRow={(t) => (t.name === "Atlas" ? { after: 1, cell: "Withheld", className: "italic" } : null)} />,
    );
    expect(html).toContain('<th scope="row">Atlas</th><td colSpan="1" class="italic">Withheld</td></tr>');
    expect(html).toContain('<th scope="row">Payments</th><td class="text-right tabular-nums">7</td></tr>');
  });
});
