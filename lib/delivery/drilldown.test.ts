import { describe, expect, it } from "vitest";
import { csvHeader, DRILL_COLUMNS, filterAndSort, pageRows, type RowAccess } from "./drilldown";

interface Row {
  id: string;
  service: string;
  title: string | null;
  minutes: number | null;
  at: Date;
}

const access: RowAccess<Row> = {
  service: (r) => r.service,
  searchable: (r) => [r.id, r.title],
  sortValue: (r, sort) => (sort === "minutes" ? r.minutes : sort === "service" ? r.service : r.at),
  id: (r) => r.id,
};

const rows: Row[] = [
  { id: "d3", service: "web", title: "Fix login", minutes: 30, at: new Date("2026-03-03T10:00:00Z") },
  { id: "d1", service: "api", title: null, minutes: null, at: new Date("2026-03-01T10:00:00Z") },
  { id: "d2", service: "api", title: "Add refunds", minutes: 90, at: new Date("2026-03-02T10:00:00Z") },
  { id: "d4", service: "web", title: "Speed up", minutes: 30, at: new Date("2026-03-04T10:00:00Z") },
];
const ids = (list: Row[]) => list.map((r) => r.id);

describe("filterAndSort", () => {
  it("sorts by the key in either direction, unknown values last, ties by id", () => {
    expect(ids(filterAndSort(rows, { sort: "at", dir: "desc" }, access))).toEqual(["d4", "d3", "d2", "d1"]);
    expect(ids(filterAndSort(rows, { sort: "minutes", dir: "asc" }, access))).toEqual(["d3", "d4", "d2", "d1"]);
    expect(ids(filterAndSort(rows, { sort: "minutes", dir: "desc" }, access))).toEqual(["d2", "d3", "d4", "d1"]);
    expect(ids(filterAndSort(rows, { sort: "service", dir: "desc" }, access))).toEqual(["d3", "d4", "d1", "d2"]);
  });

  it("filters by service and by text, case-insensitively", () => {
    expect(ids(filterAndSort(rows, { sort: "at", dir: "asc", filterService: "api" }, access))).toEqual(["d1", "d2"]);
    expect(ids(filterAndSort(rows, { sort: "at", dir: "asc", q: "  REFUND " }, access))).toEqual(["d2"]);
    expect(ids(filterAndSort(rows, { sort: "at", dir: "asc", q: "D4" }, access))).toEqual(["d4"]);
  });
});

describe("pageRows", () => {
  it("gives one page and the total; the pages together are the list", () => {
    const first = pageRows(rows, { sort: "at", dir: "asc", page: 1, pageSize: 3 }, access);
    const second = pageRows(rows, { sort: "at", dir: "asc", page: 2, pageSize: 3 }, access);
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3, services: ["api", "web"] });
    expect([...ids(first.rows), ...ids(second.rows)]).toEqual(["d1", "d2", "d3", "d4"]);
    expect(pageRows(rows, { sort: "at", dir: "asc", page: 3, pageSize: 3 }, access)).toMatchObject({ total: 4, rows: [] });
  });

  it("counts the filtered rows, and lists the services before filtering", () => {
    const page = pageRows(rows, { sort: "at", dir: "asc", page: 1, pageSize: 10, filterService: "web" }, access);
    expect(page).toMatchObject({ total: 2, services: ["api", "web"] });
  });
});

describe("csvHeader", () => {
  it("is the table's columns with the units the file uses", () => {
    expect(csvHeader("deployments")).toHaveLength(DRILL_COLUMNS.deployments.length);
    expect(csvHeader("deployments")).toContain("Finished (UTC)");
    expect(csvHeader("deployments")).toContain("Recovery (minutes)");
    expect(csvHeader("changes").slice(0, 2)).toEqual(["Pull request", "Title"]);
  });
});
