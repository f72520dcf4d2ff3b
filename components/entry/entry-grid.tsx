"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { queryKeys } from "@/lib/client/query-keys";
import { collectChanges, type Draft, type LoadedCell } from "@/lib/entry/changes";
import type { PeriodColumn } from "@/lib/entry/periods";
import type { CellIssue } from "@/lib/entry/rules";
import { CellHistory } from "./cell-history";
import { EntryTable, type EntryMetricView } from "./entry-table";
import { saveValues, type ServerConflict } from "./save-values";
import { useTeamValues } from "@/lib/client/use-team-values";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface EntryGridProps {
  team: { id: string; name: string };
  metrics: EntryMetricView[];
  weeks: PeriodColumn[];
  months: PeriodColumn[];
  currentWeek: string;
  /** Earliest week loaded: one period before the first column, for the note rule. */
  loadFrom: string;
  orgNoteChangePct: number;
}

type Status = { tone: "info" | "error" | "success"; text: string } | null;

/** The weekly entry grid for one team: type or paste, fix what is flagged, save everything at once. */
export function EntryGrid({ team, metrics, weeks, months, currentWeek, loadFrom, orgNoteChangePct }: EntryGridProps) {
  const queryClient = useQueryClient();
  const values = useTeamValues(team.id, loadFrom, currentWeek);
  const [drafts, setDrafts] = useState(new Map<string, Draft>());
  const [serverIssues, setServerIssues] = useState(new Map<string, CellIssue[]>());
  const [conflicts, setConflicts] = useState(new Map<string, ServerConflict["current"]>());
  const [override, setOverride] = useState(new Map<string, number | null>());
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState<{ metric: EntryMetricView; column: PeriodColumn } | null>(null);

  const weekly = metrics.filter((m) => m.cadence === "WEEKLY");
  const monthly = metrics.filter((m) => m.cadence === "MONTHLY");
  const loaded = useMemo(() => {
    const map = new Map<string, LoadedCell>();
    for (const v of values.data?.values ?? []) map.set(`${v.metricId}|${v.weekStart}`, { value: v.value, note: v.note, version: v.version });
    return map;
  }, [values.data]);

  const collected = useMemo(
    () => collectChanges(metrics, (m) => (m.cadence === "WEEKLY" ? weeks : months).map((c) => c.week), loaded, drafts, orgNoteChangePct, override),
    [metrics, weeks, months, loaded, drafts, orgNoteChangePct, override],
  );
  const issues = useMemo(() => {
    const merged = new Map(collected.issues);
    for (const [id, list] of serverIssues) if (!merged.has(id)) merged.set(id, list);
    return merged;
  }, [collected.issues, serverIssues]);

  useEffect(() => {
    if (drafts.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [drafts.size]);

  const edit = (id: string, change: Draft) => {
    setDrafts((prev) => new Map(prev).set(id, { ...prev.get(id), ...change }));
    setServerIssues((prev) => {
      if (!prev.has(id)) return prev;
      const next = new Map(prev);
      next.delete(id);
      return next;
    });
  };

  const pasteCells = (cells: { id: string; text: string }[], dropped: number) => {
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const c of cells) next.set(c.id, { ...next.get(c.id), text: c.text });
      return next;
    });
    setStatus({ tone: "info", text: `Pasted ${cells.length} cell(s)${dropped ? `; ${dropped} fell outside the grid and were left out` : ""}. Not saved yet.` });
  };

  const dropKey = <T,>(map: Map<string, T>, id: string) => {
    const next = new Map(map);
    next.delete(id);
    return next;
  };

  const keepMine = (id: string) => {
    const current = conflicts.get(id);
    setOverride((prev) => new Map(prev).set(id, current?.version ?? null));
    setConflicts((prev) => dropKey(prev, id));
    setStatus({ tone: "info", text: "Your value will replace theirs when you save." });
  };

  const takeTheirs = async (id: string) => {
    setDrafts((prev) => dropKey(prev, id));
    setConflicts((prev) => dropKey(prev, id));
    setOverride((prev) => dropKey(prev, id));
    await values.refetch();
  };

  const save = async () => {
    if (collected.issues.size > 0) {
      setStatus({ tone: "error", text: `Fix the ${collected.issues.size} flagged cell(s); nothing was saved. Your input is kept.` });
      return;
    }
    if (conflicts.size > 0) {
      setStatus({ tone: "error", text: "Choose for each highlighted cell whether to keep your value or use theirs." });
      return;
    }
    const changes = collected.changes;
    if (changes.length === 0) {
      setStatus({ tone: "info", text: "Nothing to save: no value or note was changed." });
      return;
    }
    setSaving(true);
    const outcome = await saveValues(team.id, changes);
    setSaving(false);
    if (outcome.kind === "saved") {
      setDrafts(new Map());
      setOverride(new Map());
      setServerIssues(new Map());
      await values.refetch();
      await queryClient.invalidateQueries({ queryKey: queryKeys.overview.all() });
      setStatus({ tone: "success", text: `Saved: ${outcome.created} new, ${outcome.updated} changed.` });
    } else if (outcome.kind === "invalid") {
      const next = new Map<string, CellIssue[]>();
      for (const e of outcome.errors) {
        const id = changes[e.row]?.id;
        if (id) next.set(id, [...(next.get(id) ?? []), { field: e.field === "note" ? "note" : "value", message: e.message }]);
      }
      setServerIssues(next);
      setStatus({ tone: "error", text: `Fix the ${next.size} flagged cell(s); nothing was saved. Your input is kept.` });
    } else if (outcome.kind === "conflict") {
      const next = new Map<string, ServerConflict["current"]>();
      for (const c of outcome.conflicts) {
        const id = changes[c.row]?.id;
        if (id) next.set(id, c.current);
      }
      setConflicts(next);
      setStatus({ tone: "error", text: `${next.size} cell(s) were changed by someone else since you loaded the page. Nothing was saved: choose for each.` });
    } else setStatus({ tone: "error", text: outcome.message });
  };

  if (values.isPending) return <p className="text-sm text-slate-600">Loading {team.name}’s values…</p>;
  if (values.isError) return <ErrorAlert>Could not load values: {values.error.message}</ErrorAlert>;
  if (metrics.length === 0) return <p className="text-sm text-slate-600">No manual metrics apply to {team.name}. An admin can add them in the metric catalog.</p>;

  const common = {
    currentWeek, loaded, drafts, issues, conflicts, onDraft: edit, onPasteCells: pasteCells, onKeepMine: keepMine,
    onTakeTheirs: (id: string) => void takeTheirs(id), onHistory: (metric: EntryMetricView, column: PeriodColumn) => setHistory({ metric, column }),
  };
  const toneClass = { info: "text-slate-700", error: "text-red-700", success: "text-green-800" };
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Arrows, Tab and Enter move between cells. Paste a block copied from a spreadsheet into the first cell it should fill. A value that moves
        more than {orgNoteChangePct}% (or the metric’s own threshold) from the previous period needs a note (✎).
      </p>
      {weekly.length > 0 && (
        <div className="overflow-x-auto">
          <EntryTable caption={`${team.name}: weekly metrics`} metrics={weekly} columns={weeks} autoFocusCurrent {...common} />
        </div>
      )}
      {monthly.length > 0 && (
        <div className="overflow-x-auto">
          <EntryTable caption={`${team.name}: monthly metrics`} metrics={monthly} columns={months} autoFocusCurrent={weekly.length === 0} {...common} />
        </div>
      )}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white py-3">
        <button
          type="button"
          onClick={() => void save()}
          disabled={saving}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {saving ? "Saving…" : "Save all"}
        </button>
        <span className="text-sm text-slate-600">{drafts.size > 0 ? `${drafts.size} unsaved cell(s)` : "No unsaved changes"}</span>
        <p role="status" aria-live="polite" className={`text-sm ${status ? toneClass[status.tone] : ""}`}>
          {status?.text}
        </p>
      </div>
      {history && (
        <CellHistory
          metricId={history.metric.id}
          teamId={team.id}
          week={history.column.week}
          title={`${history.metric.name}, ${history.column.label}`}
          onClose={() => setHistory(null)}
        />
      )}
    </div>
  );
}
