/** Links from review items to the overview chart behind them. Pure. */

export function chartHref(scope: string, range: "12w" | "6m" | "1y" = "6m"): string {
  const search = new URLSearchParams();
  if (scope !== "org") search.set("scope", scope);
  search.set("range", range);
  return `/?${search}`;
}
