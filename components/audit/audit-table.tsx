import type { AuditRow } from "@/lib/admin/api-types";
import { diffRows } from "./diff";

/** Audit entries with their before → after as a field-by-field diff. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No audit entries match these filters.</p>;
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-700">
          <th scope="col" className="p-2">When</th>
          <th scope="col" className="p-2">Who</th>
          <th scope="col" className="p-2">What</th>
          <th scope="col" className="p-2">Before → after</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="audit-row">
            <td className="whitespace-nowrap p-2 text-slate-700">
              <time dateTime={r.at}>{r.at.slice(0, 19).replace("T", " ")} UTC</time>
            </td>
            <td className="p-2 text-slate-800">{r.actorLabel}</td>
            <td className="p-2">
              <span className="font-medium text-slate-900">{r.action}</span> {r.entityType}
              <span className="block text-xs text-slate-600">{r.summary}</span>
              <span className="block break-all text-xs text-slate-500">{r.entityId}</span>
            </td>
            <td className="p-2">
              <table className="text-xs">
                <caption className="sr-only">Changes</caption>
                <tbody>
                  {diffRows(r.before, r.after)
                    .filter((d) => d.changed)
                    .map((d) => (
                      <tr key={d.field}>
                        <th scope="row" className="pr-2 text-left font-medium text-slate-700">{d.field}</th>
                        <td className="pr-1 text-red-800 line-through decoration-red-400">{d.before}</td>
                        <td className="pr-1" aria-hidden="true">→</td>
                        <td className="text-green-800">{d.after}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
