import type { ReactNode } from "react";

export type BadgeTone = "green" | "amber" | "red" | "blue" | "neutral";

/** Colours of a status pill by tone (the target-status colours of the dashboard; colour only adds to the words). */
export const BADGE_TONE: Record<BadgeTone, { className: string; dot: string }> = {
  green: { className: "bg-green-50 text-green-800 ring-green-600/30", dot: "bg-green-600" },
  amber: { className: "bg-amber-50 text-amber-900 ring-amber-600/40", dot: "bg-amber-500" },
  red: { className: "bg-red-50 text-red-800 ring-red-600/30", dot: "bg-red-600" },
  blue: { className: "bg-blue-50 text-blue-800 ring-blue-600/30", dot: "bg-blue-600" },
  neutral: { className: "bg-slate-100 text-slate-700 ring-slate-300", dot: "bg-slate-500" },
};

const BASE = "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

/** A status pill: words first, with the tone's colour and an optional dot. */
export function StatusBadge({ tone, dot = false, title, className, children, ...data }: {
  tone: BadgeTone;
  dot?: boolean;
  title?: string;
  className?: string;
  children: ReactNode;
} & { [key: `data-${string}`]: string | undefined }) {
  const t = BADGE_TONE[tone];
  return (
    <span className={`${BASE} ${t.className}${className ? ` ${className}` : ""}`} title={title} {...data}>
      {dot && <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${t.dot}`} />}
      {children}
    </span>
  );
}
