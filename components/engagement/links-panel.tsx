"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toCsv } from "@/lib/csv/write";
import { useGenerateLinks } from "@/lib/client/use-surveys";
import type { GeneratedLinks } from "@/lib/engagement/api-types";
import { ErrorAlert } from "@/components/ui/error-alert";

interface LinksPanelProps {
  runId: string;
  teams: { id: string; name: string; invited: number }[];
  closed: boolean;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Generating invitation links. Tokens are stored hashed, so the links exist only in this answer: they are
 * listed here and can be downloaded as CSV now; leaving the page loses them (generate new seats instead).
 */
export function LinksPanel({ runId, teams, closed }: LinksPanelProps) {
  const router = useRouter();
  const [seats, setSeats] = useState<Record<string, string>>({});
  const [links, setLinks] = useState<GeneratedLinks["links"]>([]);
  const generate = useGenerateLinks(runId, {
    onSuccess: (data) => {
      setLinks(data.links);
      router.refresh();
    },
  });

  return (
    <section aria-labelledby="links-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="links-heading" className="text-lg font-semibold text-slate-900">Invitation links</h2>
      <p className="text-sm text-slate-700">
        One single-use link per person. Links are shown only once, right after you generate them: copy them or download the CSV before leaving this page.
        Seats default to each team&apos;s current headcount from the roster. Nothing records who received which link.
      </p>
      {closed ? (
        <p className="text-sm text-slate-700">This run has closed.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = teams.filter((t) => seats[t.id] !== "0");
            generate.mutate({
              teamIds: chosen.map((t) => t.id),
              seats: chosen.filter((t) => seats[t.id]).map((t) => ({ teamId: t.id, count: Number(seats[t.id]) })),
            });
          }}
          className="space-y-3"
        >
          <div className="grid gap-2 sm:grid-cols-2">
            {teams.map((t) => (
              <label key={t.id} className="flex items-center justify-between gap-2 text-sm text-slate-800">
                <span>
                  {t.name} <span className="text-slate-500">({t.invited} issued)</span>
                </span>
                <input
                  type="number"
                  min={0}
                  max={500}
                  inputMode="numeric"
                  placeholder="headcount"
                  aria-label={`Seats for ${t.name}`}
                  value={seats[t.id] ?? ""}
                  onChange={(e) => setSeats((s) => ({ ...s, [t.id]: e.target.value }))}
                  className="w-28 rounded-md border border-slate-300 px-2 py-1"
                />
              </label>
            ))}
          </div>
          <button type="submit" disabled={generate.isPending} className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
            {generate.isPending ? "Generating…" : "Generate links"}
          </button>
          {generate.isError && <ErrorAlert>{generate.error.message}</ErrorAlert>}
        </form>
      )}
      {links.length > 0 && (
        <div className="space-y-2">
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => download(`survey-links-${runId}.csv`, toCsv(["team", "link"], links.map((l) => [l.teamName, l.url]), { bom: true }))}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium"
            >
              Download these {links.length} links (CSV)
            </button>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(links.map((l) => l.url).join("\n"))} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
              Copy all
            </button>
          </div>
          <ol aria-label="Generated links" className="max-h-72 space-y-1 overflow-y-auto text-xs">
            {links.map((l) => (
              <li key={l.url} className="break-all">
                <span className="font-medium">{l.teamName}:</span> <a href={l.url} className="text-blue-700 underline">{l.url}</a>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
