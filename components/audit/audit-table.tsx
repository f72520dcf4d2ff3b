import type { AuditRow } from "@/lib/admin/api-types";
import { Table, type Column } from "@/components/ui/table";
import { diffRows } from "./diff";

type Diff = ReturnType<typeof diffRows>[number];

const DIFF_COLUMNS: Column<Diff>[] = [
  { key: "field", header: "Field", rowHeader: true, className: "pr-2 text-left font-medium text-slate-700", cell: (d) => d.field },
  { key: "before", header: "Before", className: "pr-1 text-red-800 line-through decoration-red-400", cell: (d) => d.before },
  { key: "arrow", header: "to", className: "pr-1", cellProps: () => ({ "aria-hidden": true }), cell: () => "→" },
  { key: "after", header: "After", className: "text-green-800", cell: (d) => d.after },
];

const COLUMNS: Column<AuditRow>[] = [
  { key: "when", header: "When", className: "whitespace-nowrap p-2 text-slate-700", cell: (r) => <time dateTime={r.at}>{r.at.slice(0, 19).replace("T", " ")} UTC</time> },
  { key: "who", header: "Who", className: "p-2 text-slate-800", cell: (r) => r.actorLabel },
  {
    key: "what",
    header: "What",
    className: "p-2",
    cell: (r) => (
      <>
        <span className="font-medium text-slate-900">{r.action}</span> {r.entityType}
        <span className="block text-xs text-slate-600">{r.summary}</span>
        <span className="block break-all text-xs text-slate-500">{r.entityId}</span>
      </>
    ),
  },
  {
    key: "diff",
    header: "Before → after",
    className: "p-2",
    cell: (r) => (
      <Table
        className="text-xs"
        caption="Changes"
        headClassName="sr-only"
        columns={DIFF_COLUMNS}
        rows={diffRows(r.before, r.after).filter((d) => d.changed)}
        rowKey={(d) => d.field}
      />
    ),
  },
];

/** Audit entries with their before → after as a field-by-field diff. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table
      className="w-full border-collapse text-sm"
      headRowClassName="border-b border-slate-300 text-left text-slate-700"
      thClassName="p-2"
      rowClassName="border-b border-slate-200 align-top"
      rowProps={() => ({ "data-testid": "audit-row" })}
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => r.id}
      empty="No audit entries match these filters."
    />
  );
}
