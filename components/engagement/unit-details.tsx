"use client";

import type { ShownUnit } from "@/lib/engagement/api-types";
import { formatFixed, formatPercent, orEmpty } from "@/lib/format";
import { Table } from "@/components/ui/table";

/** One item's answers as horizontal bars with counts, readable without colour. */
function Distribution({ item }: { item: ShownUnit["items"][number] }) {
  return (
    <Table
      className="mt-2 w-full text-sm"
      caption={`Answers to: ${item.text}`}
      headClassName="sr-only"
      rows={item.distribution}
      rowKey={(d) => String(d.value)}
      columns={[
        { key: "answer", header: "Answer", rowHeader: true, className: "w-24 py-0.5 pr-2 text-left font-normal text-slate-700", cell: (d) => d.label },
        {
          key: "bar",
          header: "Share",
          className: "py-0.5",
          cell: (d) => <div className="h-3 rounded bg-blue-600" style={{ width: `${Math.max(d.percent ?? 0, 0.5)}%` }} aria-hidden="true" />,
        },
        { key: "count", header: "Count", className: "w-20 py-0.5 pl-2 text-right tabular-nums text-slate-700", cell: (d) => `${d.count} (${orEmpty(d.percent, formatPercent)})` },
      ]}
    />
  );
}

interface UnitDetailsProps {
  unit: ShownUnit;
  distributionHelp: string;
  canModerate: boolean;
  onToggleComment?: (id: string, hidden: boolean) => void;
}

/** Per-item results and comments of a shown group. */
export function UnitDetails({ unit, distributionHelp, canModerate, onToggleComment }: UnitDetailsProps) {
  return (
    <div className="space-y-4">
      <ul className="space-y-4">
        {unit.items.map((item) => (
          <li key={item.id} className="rounded-md border border-slate-200 p-3">
            <p className="text-sm font-medium text-slate-900">
              {item.text}
              {item.reverseScored && <span className="ml-1 text-xs font-normal text-slate-600">(reverse-scored)</span>}
            </p>
            {item.mean !== null && (
              <p className="text-sm text-slate-700">
                Mean {orEmpty(item.mean, (v) => formatFixed(v, 2))}
                {item.percentFavourable !== null && <> · {orEmpty(item.percentFavourable, formatPercent)} favourable</>}
              </p>
            )}
            <Distribution item={item} />
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600">{distributionHelp}</p>
      <section aria-label={`Comments for ${unit.name}`}>
        <h4 className="text-sm font-semibold text-slate-900">Comments ({unit.comments.filter((c) => !c.hidden).length})</h4>
        {unit.comments.length === 0 ? (
          <p className="text-sm text-slate-600">No comments.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {unit.comments.map((c) => (
              <li key={c.id} className={`rounded-md border p-3 text-sm ${c.hidden ? "border-amber-300 bg-amber-50 text-slate-600" : "border-slate-200 bg-slate-50 text-slate-800"}`}>
                <p className="whitespace-pre-wrap">{c.text}</p>
                {canModerate && onToggleComment && (
                  <button type="button" onClick={() => onToggleComment(c.id, !c.hidden)} className="mt-1 text-xs font-medium text-blue-700 underline">
                    {c.hidden ? "Show again" : "Hide comment"}
                  </button>
                )}
                {c.hidden && <span className="ml-2 text-xs">Hidden from everyone else</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
