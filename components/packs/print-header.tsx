"use client";

import { useFormat } from "@/components/format/format-context";

/**
 * The first lines of a printed page (hidden on screen): organisation, what the page is, its scope and
 * period, and when it was printed — a PDF passed around a board still says where it came from.
 */
export function PrintHeader({ title, scope, period }: { title: string; scope?: string; period?: string }) {
  const f = useFormat();
  return (
    <div data-print-header className="mb-4 hidden print:block border-b border-slate-300 pb-2 text-xs text-slate-700">
      <p className="text-sm font-semibold text-slate-900">{[f.orgName, title].filter(Boolean).join(" · ")}</p>
      <p>
        {[scope, period].filter(Boolean).join(" · ")}
        {/* The moment of printing is the reader's own; the server's render never matches it. */}
        <span suppressHydrationWarning> · printed {f.dateTime(new Date())}</span>
      </p>
    </div>
  );
}
