import type { TargetInfo, TargetStatus } from "@/lib/metrics/series-types";
import type { DirectionKey } from "@/lib/metrics/catalog";
import { changeTone, type ChangeTone, type FormattedChange } from "@/lib/format";

const TONE_CLASS: Record<ChangeTone, string> = {
  good: "text-green-700",
  bad: "text-red-700",
  neutral: "text-slate-600",
};

const TONE_WORD: Record<ChangeTone, string> = { good: "an improvement", bad: "a decline", neutral: "" };

const ARROW = { up: "▲", down: "▼", flat: "▶" } as const;

/**
 * Change since the previous period, worded by the metric's unit ("+2.5 pp" for rates, "+6%" for counts):
 * arrow and sign carry the direction, colour only adds good/bad.
 */
export function ChangeIndicator({ change, direction, previousLabel }: { change: FormattedChange | null; direction: DirectionKey; previousLabel?: string }) {
  if (change === null) return <span className="text-sm text-slate-600">No earlier period to compare</span>;
  const tone = changeTone(change.direction, direction);
  return (
    <span className={`text-sm font-medium ${TONE_CLASS[tone]}`} data-change-kind={change.kind}>
      <span aria-hidden="true">{ARROW[change.direction]} </span>
      {change.text}
      <span className="font-normal text-slate-600"> vs {previousLabel ?? "previous period"}</span>
      {TONE_WORD[tone] && <span className="sr-only">, {TONE_WORD[tone]}</span>}
    </span>
  );
}

/** A target status in words and colour, for every view that shows one (colour only adds to the words). */
export const TARGET_STATUS: Record<TargetStatus, { text: string; className: string; dot: string }> = {
  green: { text: "On target", className: "bg-green-50 text-green-800 ring-green-600/30", dot: "bg-green-600" },
  amber: { text: "Near target", className: "bg-amber-50 text-amber-900 ring-amber-600/40", dot: "bg-amber-500" },
  red: { text: "Off target", className: "bg-red-50 text-red-800 ring-red-600/30", dot: "bg-red-600" },
};

export function TargetBadge({ target, format }: { target: TargetInfo; format: (value: number) => string }) {
  if (!target.status) return null;
  const status = TARGET_STATUS[target.status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${status.className}`}
      title={`Green at ${format(target.green)}, amber at ${format(target.amber)}`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${status.dot}`} />
      {status.text}
    </span>
  );
}

export function IncompleteBadge() {
  return (
    <span
      className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300"
      title="Fewer teams than expected have reported for the latest week; the value may still change."
    >
      Incomplete latest week
    </span>
  );
}
