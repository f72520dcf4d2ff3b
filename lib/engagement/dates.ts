/** Run dates. Pure; no I/O. */
import { addDays } from "@/lib/domain/time";
import type { RunState } from "@/lib/engagement/api-types";
import { addMonths } from "@/lib/retention/calendar";
import type { Repeat } from "@/lib/validation/surveys";

export function runState(opensOn: string, closesOn: string, today: string): RunState {
  if (today < opensOn) return "scheduled";
  if (today > closesOn) return "closed";
  return "open";
}

/** The next run's dates for a repeating run: the same days one month or one quarter later. */
export function nextRunDates(opensOn: string, closesOn: string, repeat: Repeat): { opensOn: string; closesOn: string } | null {
  if (repeat === "none") return null;
  const months = repeat === "monthly" ? 1 : 3;
  return { opensOn: addMonths(opensOn, months), closesOn: addMonths(closesOn, months) };
}

/** Closing a run now: it ended yesterday (it cannot end before it opened). */
export function closedDates(opensOn: string, today: string): { opensOn: string; closesOn: string } {
  const yesterday = addDays(today, -1);
  return { opensOn: opensOn > yesterday ? yesterday : opensOn, closesOn: yesterday };
}
