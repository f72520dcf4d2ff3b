"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import type { ImportKindInfo } from "./import-page";
import { ErrorAlert } from "@/components/ui/error-alert";

const MAX_BYTES = 50 * 1024 * 1024;

/** Choosing the kind of data and the file (picker or drag and drop). */
export function UploadStep({
  kinds,
  kind,
  onKind,
  onFile,
  busy,
  error,
}: {
  kinds: ImportKindInfo[];
  kind: string;
  onKind: (kind: string) => void;
  onFile: (file: File) => void;
  busy: boolean;
  error: string | null;
}) {
  const inputId = useId();
  const kindId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const current = kinds.find((k) => k.key === kind);

  const accept = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) return setLocalError(`"${file.name}" is larger than 50 MB. Split it into smaller files.`);
    if (/\.(xlsx?|ods|numbers|zip|pdf)$/i.test(file.name)) return setLocalError(`"${file.name}" is not a CSV file. Export it from your spreadsheet as CSV (UTF-8).`);
    setLocalError(null);
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    accept(event.dataTransfer.files[0]);
  };
  const shown = localError ?? error;

  return (
    <section aria-labelledby={`${kindId}-h`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={`${kindId}-h`} className="text-base font-semibold">1. Choose the data and the file</h2>
      <div>
        <label htmlFor={kindId} className="block text-sm font-medium text-slate-700">What the file holds</label>
        <select id={kindId} value={kind} onChange={(e) => onKind(e.target.value)} className="mt-1 w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm">
          {kinds.map((k) => (
            <option key={k.key} value={k.key}>{k.label}</option>
          ))}
        </select>
        {current && (
          <p className="mt-1 text-sm text-slate-600">
            {current.description}{" "}
            <a className="text-blue-700 underline" href={`/api/v1/templates/${current.key}`} download>Download the template</a>
          </p>
        )}
      </div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-blue-500 bg-blue-50" : "border-slate-300"}`}
      >
        <p>Drop a CSV file here (UTF-8, comma or semicolon, up to 50 MB and 1,000,000 rows), or</p>
        <label htmlFor={inputId} className="mt-2 inline-block cursor-pointer rounded-md bg-slate-800 px-3 py-1.5 font-medium text-white focus-within:ring-2">
          Choose a file
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv"
          className="sr-only"
          disabled={busy}
          onChange={(e) => {
            accept(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        {busy && <p role="status" className="mt-2 text-slate-600">Uploading and checking every row…</p>}
      </div>
      {shown && <ErrorAlert variant="panel">{shown}</ErrorAlert>}
    </section>
  );
}
