import type { TargetInfo, TargetStatus } from "@/lib/metrics/series-types";
import type { DirectionKey } from "@/lib/metrics/catalog";
import { BADGE_TONE, StatusBadge } from "@/components/ui/status-badge";
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
  green: { text: "On target", ...BADGE_TONE.green },
  amber: { text: "Near target", ...BADGE_TONE.amber },
  red: { text: "Off target", ...BADGE_TONE.red },
};

export function TargetBadge({ target, format }: { target: TargetInfo; format: (value: number) => string }) {
  if (!target.status) return null;
  return (
    <StatusBadge tone={target.status} dot title={`Green at ${format(target.green)}, amber at ${format(target.amber)}`}>
      {TARGET_STATUS[target.status].text}
    </StatusBadge>
  );
}

export function IncompleteBadge() {
  return (
    <StatusBadge tone="neutral" title="Fewer teams than expected have reported for the latest week; the value may still change.">
      Incomplete latest week
    </StatusBadge>
  );
}
