/**
 * Chart colours. Canvas cannot read CSS variables cheaply on every draw, so these mirror the palette in
 * app/globals.css (Tailwind's slate/blue/amber/violet); each line colour has ≥ 3:1 contrast on white.
 */
export const chartTheme = {
  line: "#1d4ed8", // blue-700
  lineFill: "rgba(29, 78, 216, 0.08)",
  target: "#b45309", // amber-700
  marker: "#6d28d9", // violet-700
  grid: "#e2e8f0", // slate-200
  tick: "#475569", // slate-600
  tooltipBackground: "#0f172a", // slate-900
} as const;
