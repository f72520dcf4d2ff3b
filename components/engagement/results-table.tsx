"use client";

import type { RunResults, UnitResult } from "@/lib/engagement/api-types";
import { formatDifference, formatEnps, formatFixed, formatPercent, orEmpty } from "@/lib/format";

/** Survey numbers are never money; the currency is not needed. */
const NO_MONEY = { currency: "USD" };

function IndexCell({ unit, indexKey }: { unit: Extract<UnitResult, { shown: true }>; indexKey: string }) {
  const ix = unit.indexes.find((i) => i.key === indexKey);
  if (!ix) return <td className="px-2 py-2">—</td>;
  const main = ix.key === "enps" ? orEmpty(ix.score, formatEnps) : orEmpty(ix.score, (v) => formatFixed(v, 2));
  return (
    <td className="px-2 py-2 tabular-nums">
      <span className="font-medium text-slate-900">{main}</span>
      {ix.percentFavourable !== null && <span className="block text-xs text-slate-600">{orEmpty(ix.percentFavourable, formatPercent)} fav.</span>}
      {ix.vsOrg !== undefined && ix.vsOrg !== null && (
        <span className="block text-xs text-slate-600">{formatDifference(ix.vsOrg, ix.key === "enps" ? "enps" : "score", NO_MONEY)} vs org</span>
      )}
    </td>
  );
}

/** Every group of the run side by side; a withheld row says why, with no number. */
export function ResultsTable({ results, units }: { results: RunResults; units: UnitResult[] }) {
  const indexes = results.org.shown
    ? results.org.indexes
    : (units.find((u): u is Extract<UnitResult, { shown: true }> => u.shown)?.indexes ?? []);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Results by group</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-2">Group</th>
            <th scope="col" className="px-2 py-2">Participation</th>
            {indexes.map((ix) => (
              <th key={ix.key} scope="col" className="px-2 py-2" title={ix.howComputed}>
                {ix.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.key} data-testid={`result-row-${u.key}`} className="border-t border-slate-100 align-top">
              <th scope="row" className="px-2 py-2 font-medium text-slate-900">
                {u.name}
                <span className="block text-xs font-normal text-slate-500">{u.type === "org" ? "organisation" : u.type}</span>
              </th>
              {u.shown ? (
                <>
                  <td className="px-2 py-2 tabular-nums">
                    {orEmpty(u.participation, formatPercent)}
                    <span className="block text-xs text-slate-600">
                      {u.respondents} of {u.invited}
                    </span>
                  </td>
                  {indexes.map((ix) => (
                    <IndexCell key={ix.key} unit={u} indexKey={ix.key} />
                  ))}
                </>
              ) : (
                <td colSpan={indexes.length + 1} className="px-2 py-2 text-slate-700">
                  {u.message}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
