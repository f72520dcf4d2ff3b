import { scaleRange } from "@/lib/engagement/items";
import type { RunResults, UnitResult } from "@/lib/engagement/api-types";
import { formatFixed, orEmpty } from "@/lib/format";
import { Table, type Column } from "@/components/ui/table";

/**
 * Team × question heatmap of a snapshot: each scored question's mean per team, coloured by where it sits on the
 * question's scale. A team the disclosure policy withholds is a marked column with no numbers — every cell
 * comes from the same results the table shows, so the rules hold cell by cell.
 */
const BANDS = [
  { upTo: 0.35, className: "bg-red-100 text-red-900" },
  { upTo: 0.55, className: "bg-amber-100 text-amber-900" },
  { upTo: 0.7, className: "bg-lime-100 text-lime-900" },
  { upTo: 1.01, className: "bg-green-200 text-green-900" },
];

function band(mean: number, kind: "likert5" | "likert7" | "scale0to10"): string {
  const { min, max } = scaleRange(kind);
  const position = (mean - min) / (max - min);
  return (BANDS.find((b) => position <= b.upTo) ?? BANDS[BANDS.length - 1]).className;
}

export function SurveyHeatmap({ results }: { results: RunResults }) {
  const columns: UnitResult[] = [results.org, ...results.teams];
  const questions = results.items.filter((i): i is Extract<RunResults["items"][number], { kind: "likert5" | "likert7" | "scale0to10" }> => i.kind === "likert5" || i.kind === "likert7" || i.kind === "scale0to10");
  if (questions.length === 0 || !columns.some((c) => c.shown)) return null;
  return (
    <section aria-labelledby="heatmap-heading" className="space-y-2">
      <h3 id="heatmap-heading" className="text-base font-semibold text-slate-900">Heatmap: mean answer per question and team</h3>
      <p className="text-xs text-slate-600">
        Colours place each mean on its question&apos;s scale (reverse-scored questions already reversed): red in the lowest third, green near the top.
        Hatched columns are withheld to protect anonymity.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="survey-heatmap">
        <Table
          className="min-w-full border-collapse text-left text-sm"
          aria-label="Mean score by question and group"
          headClassName="bg-slate-50 text-xs text-slate-700"
          rowClassName="border-t border-slate-100"
          rows={questions}
          rowKey={(q) => q.id}
          columns={[
            { key: "question", header: "Question", rowHeader: true, headerClassName: "sticky left-0 bg-slate-50 px-2 py-2", className: "sticky left-0 max-w-xs bg-white px-2 py-2 font-normal text-slate-800", cell: (q) => q.text },
            ...columns.map((c): Column<(typeof questions)[number]> => {
              if (!c.shown) {
                return {
                  key: c.key,
                  header: c.name,
                  headerClassName: "px-2 py-2 font-medium",
                  cellProps: () => ({ "data-withheld": "true", title: c.message, className: "bg-[repeating-linear-gradient(45deg,#f1f5f9,#f1f5f9_4px,#e2e8f0_4px,#e2e8f0_8px)] px-2 py-2 text-center text-xs text-slate-600" }),
                  cell: () => (
                    <>
                      <span className="sr-only">{c.message}</span>
                      <span aria-hidden="true">withheld</span>
                    </>
                  ),
                };
              }
              const mean = (q: (typeof questions)[number]) => c.items.find((i) => i.id === q.id)?.mean ?? null;
              return {
                key: c.key,
                header: c.name,
                headerClassName: "px-2 py-2 font-medium",
                cellProps: (q) => {
                  const m = mean(q);
                  return { className: `px-2 py-2 text-center tabular-nums ${m === null ? "" : band(m, q.kind)}` };
                },
                cell: (q) => orEmpty(mean(q), (v) => formatFixed(v, 2)),
              };
            }),
          ]}
        />
      </div>
    </section>
  );
}
