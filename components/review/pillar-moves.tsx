"use client";

import Link from "next/link";
import type { ReviewPillar } from "@/lib/review/review-types";
import { useFormat } from "@/components/format/format-context";
import { formatChange, valueStyle } from "@/lib/format";
import { chartHref } from "./chart-href";
import { StatusBadge } from "@/components/ui/status-badge";

const TONE = { worse: "text-red-700", better: "text-green-700", neutral: "text-slate-700" } as const;
const TONE_WORD = { worse: "worse", better: "better", neutral: "" } as const;
export function PillarMoves({ pillar, scope }: { pillar: ReviewPillar; scope: string }) {
  const headingId = `review-${pillar.key}`;
  const href = chartHref(scope, "12w");
  const f = useFormat();
  const show = (m: { key: string; unit: string }, v: number) => f.metric(m, v);
  return (
    <article aria-labelledby={headingId} data-print-card className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">{pillar.name}</h3>
      {pillar.movers.length === 0 && pillar.flags.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing moved that can be compared.</p>
      ) : (
        <>
          {pillar.movers.length > 0 && (
            <ul aria-label={`Biggest moves in ${pillar.name}`} className="mt-2 space-y-1 text-sm">
              {pillar.movers.map((m) => (
                <li key={m.key}>
                  <Link href={href} className="font-medium text-blue-700 hover:text-blue-900">{m.name}</Link>{" "}
                  <span className={TONE[m.tone]}>
                    {formatChange(valueStyle(m), m.latest.value, m.previous.value, f)?.text}
                    {TONE_WORD[m.tone] && <span className="sr-only"> ({TONE_WORD[m.tone]})</span>}
                  </span>{" "}
                  <span className="text-slate-600">
                    {show(m, m.previous.value)} ({m.previous.label}) → {show(m, m.latest.value)} ({m.latest.label})
                  </span>
                </li>
              ))}
            </ul>
          )}
          {pillar.flags.length > 0 && (
            <ul aria-label={`Targets missed in ${pillar.name}`} className="mt-3 space-y-1 text-sm">
              {pillar.flags.map((flag) => (
                <li key={flag.key} className="flex flex-wrap items-center gap-2">
                  <StatusBadge tone={flag.status}>{flag.status === "red" ? "Off target" : "Near target"}</StatusBadge>
                  <Link href={href} className="text-blue-700 hover:text-blue-900">{flag.name}</Link>
                  <span className="text-slate-600">
                    {show(flag, flag.value)} in {flag.label}; green at {show(flag, flag.green)}, amber at {show(flag, flag.amber)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
