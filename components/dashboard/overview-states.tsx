import Link from "next/link";
import { PILLARS } from "@/lib/metrics/catalog-core";
import { CARD_GRID } from "./pillar-section";

/** Placeholder shaped like the dashboard so the page does not jump when data arrives. */
export function OverviewSkeleton() {
  return (
    <div aria-busy="true" className="space-y-8">
      <p role="status" className="sr-only">
        Loading the overview…
      </p>
      {PILLARS.slice(0, 3).map((pillar) => (
        <div key={pillar.key} className="space-y-3" aria-hidden="true">
          <div className="h-5 w-56 animate-pulse rounded bg-slate-200" />
          <div className="h-4 w-80 max-w-full animate-pulse rounded bg-slate-200" />
          <div className={CARD_GRID}>
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className="h-72 animate-pulse rounded-lg border border-slate-200 bg-white p-4">
                <div className="h-4 w-32 rounded bg-slate-200" />
                <div className="mt-4 h-8 w-24 rounded bg-slate-200" />
                <div className="mt-6 h-36 rounded bg-slate-100" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export function OverviewError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="text-base font-semibold text-red-900">The overview could not be loaded</h2>
      <p className="mt-1 text-sm text-red-800">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {retrying ? "Retrying…" : "Try again"}
      </button>
    </div>
  );
}

/** Pages that can bring data in; linked only when the page exists in this installation's navigation. */
const DATA_ENTRY_PAGES: Record<string, string> = { "/import": "Import a CSV", "/teams": "My teams", "/admin": "Admin" };

export function EmptyState({ availableHrefs }: { availableHrefs: string[] }) {
  const links = availableHrefs.filter((href) => href in DATA_ENTRY_PAGES);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h2 className="text-lg font-semibold text-slate-900">No data yet</h2>
      <p className="mx-auto mt-2 max-w-prose text-sm leading-relaxed text-slate-700">
        Import a CSV, enter values on My teams, or send events through the API, and your metrics will appear here.
        To explore with demo data, run <code className="rounded bg-slate-100 px-1.5 py-0.5 text-[0.8125rem] text-slate-900">npm run pillars -- seed --demo</code>.
      </p>
      {links.length > 0 && (
        <ul className="mt-4 flex flex-wrap justify-center gap-2">
          {links.map((href) => (
            <li key={href}>
              <Link href={href} className="inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-blue-700 hover:bg-slate-50">
                {DATA_ENTRY_PAGES[href]}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
