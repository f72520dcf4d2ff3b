"use client";

import { useState, type FormEvent } from "react";
import { RequestError, PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from "@/components/ui/form";
import { queryKeys } from "@/lib/client/query-keys";
import { useJsonMutation } from "@/lib/client/use-skills";
import { useScopes } from "@/lib/client/use-scopes";
import type { CopilotImportResult } from "@/lib/skills/api-types";

interface Body {
  seats?: unknown;
  report?: string;
  asOf?: string;
  teamMap: Record<string, string | null>;
  dryRun: boolean;
}

/**
 * Upload GitHub Copilot exports: the seat list JSON and optionally a users usage report (NDJSON). A first
 * pass checks which Copilot teams match a Pillars team by slug; unmatched ones get a team picker (or are
 * left out) before the import writes anything.
 */
export function CopilotUpload() {
  const scopes = useScopes();
  const [seats, setSeats] = useState<unknown>(undefined);
  const [report, setReport] = useState<string | undefined>(undefined);
  const [asOf, setAsOf] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [teamMap, setTeamMap] = useState<Record<string, string | null>>({});
  const check = useJsonMutation<Body, CopilotImportResult>("POST", []);
  const run = useJsonMutation<Body, CopilotImportResult>("POST", [queryKeys.skills.all()]);
  const body = (dryRun: boolean): Body => ({ seats, report, asOf: asOf || undefined, teamMap, dryRun });

  const readSeats = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return setSeats(undefined);
    try {
      setSeats(JSON.parse(await file.text()));
    } catch {
      setFileError("The seat list is not JSON: export it from GET /orgs/{org}/copilot/billing/seats.");
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate({ url: "/api/v1/ai-usage/copilot", body: body(true) });
  };
  const unmatched = check.data?.teams.filter((t) => t.via === "none" || teamMap[t.copilotTeam] !== undefined) ?? [];
  const teamOptions = [{ value: "", label: "Leave out" }, ...(scopes.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }))];

  return (
    <form onSubmit={submit} aria-label="Import GitHub Copilot usage" className="space-y-3 border-t border-slate-200 pt-4">
      <h3 className="text-base font-medium text-slate-900">Import GitHub Copilot usage</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="copilot-seats" className="block text-sm font-medium text-slate-800">Seat list (JSON)</label>
          <input id="copilot-seats" type="file" accept=".json,application/json" className="mt-1 block text-sm" onChange={(e) => void readSeats(e.target.files?.[0])} />
        </div>
        <div>
          <label htmlFor="copilot-report" className="block text-sm font-medium text-slate-800">Users usage report (NDJSON, optional)</label>
          <input id="copilot-report" type="file" accept=".ndjson,.json,.txt" className="mt-1 block text-sm" onChange={async (e) => setReport((await e.target.files?.[0]?.text()) ?? undefined)} />
        </div>
        <TextField label="Seat list date" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} hint="Default: today." />
      </div>
      {fileError && <p role="alert" className="text-sm text-red-700">{fileError}</p>}
      <RequestError error={check.error ?? run.error} />
      <button type="submit" className={SECONDARY_BUTTON} disabled={seats === undefined || check.isPending}>Check teams</button>
      {check.data && (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">
            {check.data.teams.length} Copilot teams · {check.data.seatsWithoutTeam} seats without a team (counted in no team).
          </p>
          {unmatched.map((t) => (
            <label key={t.copilotTeam} className="flex items-center gap-2 text-sm">
              Copilot team <code>{t.copilotTeam}</code> → Pillars team
              <select
                className="rounded border border-slate-300 px-2 py-1"
                value={teamMap[t.copilotTeam] ?? ""}
                onChange={(e) => setTeamMap({ ...teamMap, [t.copilotTeam]: e.target.value || null })}
              >
                {teamOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
          ))}
          <button type="button" className={PRIMARY_BUTTON} disabled={run.isPending} onClick={() => run.mutate({ url: "/api/v1/ai-usage/copilot", body: body(false) })}>
            Import
          </button>
        </div>
      )}
      {run.data && <p role="status" className="text-sm text-green-700">{run.data.created} days added, {run.data.updated} updated.</p>}
    </form>
  );
}
