"use client";

import type { RunResults, UnitResult } from "@/lib/engagement/api-types";
import { formatDifference, formatEnps, formatFixed, formatPercent, orEmpty } from "@/lib/format";
import { Table, type Column } from "@/components/ui/table";

/** Survey numbers are never money; the currency is not needed. */
const NO_MONEY = { currency: "USD" };

function IndexValue({ unit, indexKey }: { unit: Extract<UnitResult, { shown: true }>; indexKey: string }) {
  const ix = unit.indexes.find((i) => i.key === indexKey);
  if (!ix) return "—";
  const main = ix.key === "enps" ? orEmpty(ix.score, formatEnps) : orEmpty(ix.score, (v) => formatFixed(v, 2));
  return (
    <>
      <span className="font-medium text-slate-900">{main}</span>
      {ix.percentFavourable !== null && <span className="block text-xs text-slate-600">{orEmpty(ix.percentFavourable, formatPercent)} fav.</span>}
      {ix.vsOrg !== undefined && ix.vsOrg !== null && (
        <span className="block text-xs text-slate-600">{formatDifference(ix.vsOrg, ix.key === "enps" ? "enps" : "score", NO_MONEY)} vs org</span>
      )}
    </>
  );
}

/** Every group of the run side by side; a withheld row says why, with no number. */
export function ResultsTable({ results, units }: { results: RunResults; units: UnitResult[] }) {
  const indexes = results.org.shown
    ? results.org.indexes
    : (units.find((u): u is Extract<UnitResult, { shown: true }> => u.shown)?.indexes ?? []);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <Table
        className="min-w-full text-left text-sm"
        caption="Results by group"
        headClassName="bg-slate-50 text-xs uppercase text-slate-600"
        thClassName="px-2 py-2"
        tdClassName="px-2 py-2"
        rowClassName="border-t border-slate-100 align-top"
        rowProps={(u) => ({ "data-testid": `result-row-${u.key}` })}
        rows={units}
        rowKey={(u) => u.key}
        spanRow={(u) => (u.shown ? null : { after: 1, cell: u.message, className: "px-2 py-2 text-slate-700" })}
        columns={[
          {
            key: "group",
            header: "Group",
            rowHeader: true,
            className: "font-medium text-slate-900",
            cell: (u) => (
              <>
                {u.name}
                <span className="block text-xs font-normal text-slate-500">{u.type === "org" ? "organisation" : u.type}</span>
              </>
            ),
          },
          {
            key: "participation",
            header: "Participation",
            className: "tabular-nums",
            cell: (u) =>
              u.shown && (
                <>
                  {orEmpty(u.participation, formatPercent)}
                  <span className="block text-xs text-slate-600">
                    {u.respondents} of {u.invited}
                  </span>
                </>
              ),
          },
          ...indexes.map(
            (ix): Column<UnitResult> => ({
              key: ix.key,
              header: ix.name,
              headerProps: { title: ix.howComputed },
              className: "tabular-nums",
              cell: (u) => u.shown && <IndexValue unit={u} indexKey={ix.key} />,
            }),
          ),
        ]}
      />
    </div>
  );
}
