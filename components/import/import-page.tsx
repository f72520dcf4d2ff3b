"use client";

import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { confirmUndo, repreview, uploadFile, useImportState, useStartImport, useUndoImport } from "@/lib/client/use-imports";
import type { ImportPreview } from "@/lib/imports/api-types";
import { ImportsList } from "./imports-list";
import { PreviewStep, type RunChoices } from "./preview-step";
import { ProgressStep } from "./progress-step";
import { UploadStep } from "./upload-step";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface ImportKindInfo {
  key: string;
  label: string;
  description: string;
}

const messageOf = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : "Something went wrong.");

/** Upload → preview (mapping, options, every problem) → import with progress → summary. */
export function ImportPage({ kinds, initialKind }: { kinds: ImportKindInfo[]; initialKind?: string }) {
  const [kind, setKind] = useState(kinds.some((k) => k.key === initialKind) ? (initialKind as string) : (kinds[0]?.key ?? ""));
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [choices, setChoices] = useState<RunChoices>({ skipInvalid: false, createUnknown: false, dayOrder: "" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [runningId, setRunningId] = useState<string | null>(null);
  const start = useStartImport();
  const undo = useUndoImport();
  const state = useImportState(runningId);

  const show = (next: ImportPreview) => {
    setPreview(next);
    setMapping(next.mapping);
  };
  const wrap = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const options = () => ({ mapping, createUnknown: choices.createUnknown, ...(choices.dayOrder ? { dayOrder: choices.dayOrder } : {}) });
  const reset = () => {
    setPreview(null);
    setRunningId(null);
    setError(null);
  };

  return (
    <div className="space-y-6">
      {!preview && !runningId && (
        <UploadStep kinds={kinds} kind={kind} onKind={setKind} busy={busy} error={error} onFile={(file) => wrap(async () => show(await uploadFile(kind, file, choices.createUnknown)))} />
      )}
      {preview && !runningId && (
        <>
          <PreviewStep
            preview={preview}
            mapping={mapping}
            choices={choices}
            onMapping={setMapping}
            onChoices={(next) => {
              const recheck = next.createUnknown !== choices.createUnknown || next.dayOrder !== choices.dayOrder;
              setChoices(next);
              if (recheck) void wrap(async () => show(await repreview(preview.importId, { mapping, createUnknown: next.createUnknown, ...(next.dayOrder ? { dayOrder: next.dayOrder } : {}) })));
            }}
            onRecheck={() => wrap(async () => show(await repreview(preview.importId, options())))}
            onConfirm={() =>
              wrap(async () => {
                await start.mutateAsync({ id: preview.importId, ...options(), skipInvalid: choices.skipInvalid });
                setRunningId(preview.importId);
              })
            }
            onCancel={reset}
            busy={busy}
          />
          {error && <ErrorAlert variant="panel">{error}</ErrorAlert>}
        </>
      )}
      {runningId && state.data && (
        <ProgressStep state={state.data.import} canUndo={state.data.import.mayUndo}
          undoing={undo.isPending}
          onUndo={() => confirmUndo(state.data.import.fileName) && undo.mutate(runningId, { onSuccess: () => void state.refetch() })} onAnother={reset} />
      )}
      {runningId && state.isError && <ErrorAlert className="text-sm text-red-800">{messageOf(state.error)}</ErrorAlert>}
      {undo.isError && <ErrorAlert variant="panel">{messageOf(undo.error)}</ErrorAlert>}
      <ImportsList />
    </div>
  );
}
