import type { Metadata } from "next";
import { connection } from "next/server";
import { Table, type Column } from "@/components/ui/table";
import { periodLabel } from "@/lib/domain/time";
import { requirePageUser } from "@/lib/server/page-auth";
import { listMissingData } from "@/lib/server/services/missing-data";

type MissingTeam = Awaited<ReturnType<typeof listMissingData>>["weeks"][number]["teams"][number];

const COLUMNS: Column<MissingTeam>[] = [
  { key: "team", header: "Team", rowHeader: true, className: "p-2 text-left font-medium text-slate-900", cell: (t) => t.teamName },
  {
    key: "managers",
    header: "Manager(s)",
    className: "p-2",
    cell: (t) =>
      t.managers.length === 0
        ? <span className="text-slate-600">No manager assigned</span>
        : t.managers.map((m) => (
            <a key={m.email} href={`mailto:${m.email}`} className="block text-blue-700 underline">
              {m.name}
            </a>
          )),
  },
  { key: "missing", header: "Not entered", className: "p-2 text-slate-800", cell: (t) => t.missing.map((m) => m.name).join(", ") },
];

export const metadata: Metadata = { title: "Missing data" };

export default async function MissingDataPage() {
  await connection();
  await requirePageUser("viewMissingData", "/missing-data");
  const { weeks } = await listMissingData();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Missing data</h1>
        <p className="text-sm text-slate-600">
          Manual weekly metrics not yet entered for this week and last week, by team, with the managers responsible. Monthly metrics are left
          out while their month is open.
        </p>
      </div>
      {weeks.map((w, i) => (
        <section key={w.week} aria-labelledby={`week-${w.week}`} className="space-y-2">
          <h2 id={`week-${w.week}`} className="text-lg font-semibold text-slate-900">
            {i === 0 ? "This week" : "Last week"} ({periodLabel(w.week, "week")}, from {w.week})
          </h2>
          <p className="text-sm text-slate-700">
            {w.entered} of {w.expected} team-metric values entered.
          </p>
          <Table
            aria-labelledby={`week-${w.week}`}
            className="w-full border-collapse text-sm"
            empty="Every team has entered every weekly metric."
            emptyClassName="text-sm text-green-800"
            headRowClassName="border-b border-slate-300 text-left text-slate-700"
            thClassName="p-2"
            rowClassName="border-b border-slate-200 align-top"
            rowProps={(t) => ({ "data-testid": `missing-${w.week}-${t.teamId}` })}
            columns={COLUMNS}
            rows={w.teams}
            rowKey={(t) => t.teamId}
          />
        </section>
      ))}
    </div>
  );
}
