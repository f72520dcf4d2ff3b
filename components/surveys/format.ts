/** Display formatting for survey numbers (values stay unrounded in the API). */
export function formatScore(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value)}%`;
}

export function formatEnps(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const r = Math.round(value);
  return r > 0 ? `+${r}` : String(r);
}

export function formatDelta(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return "";
  const s = value.toFixed(digits);
  return value > 0 ? `+${s}` : s;
}
