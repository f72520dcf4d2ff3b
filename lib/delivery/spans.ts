const MINUTE_MS = 60_000;

/**
 * Whole minutes from `from` to `to`, rounded up (a 2-second wait is 1 minute, as DevLake counts).
 * Null when either side is missing or the span is negative: a negative span means the clocks or
 * the data disagree, and an empty value is more honest than a zero.
 */
export function spanMinutes(from: Date | null | undefined, to: Date | null | undefined): number | null {
  if (!from || !to) return null;
  const ms = to.getTime() - from.getTime();
  if (ms < 0) return null;
  return Math.ceil(ms / MINUTE_MS);
}
