"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { ErrorAlert, errorMessage } from "./error-alert";

/**
 * The form kit every screen uses: labels tied to their inputs, hints and errors announced, one set of button
 * and input styles.
 */

export const INPUT_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";
/** For controls laid out in a wrapping row (filters, inline editors) rather than a stacked form. */
export const INLINE_INPUT_CLASS = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const PRIMARY_BUTTON =
  "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60";
export const SECONDARY_BUTTON =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
export const DANGER_BUTTON =
  "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";

/** A label above a control the caller renders itself (a select with its own options, a date input in a row). */
export function LabelledControl({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function TextField({ label, hint, error, className, ...input }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} className={INPUT_CLASS} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
}

export function SelectField({ label, hint, error, options, className, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} className={INPUT_CLASS} aria-invalid={error ? true : undefined} aria-describedby={hint ? `${id}-hint` : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A failed request's message in the boxed alert (nothing when there is no error). */
export function RequestError({ error }: { error: unknown }) {
  if (!error) return null;
  return <ErrorAlert variant="box">{errorMessage(error, "Something went wrong.")}</ErrorAlert>;
}

export function LoadState({ isLoading, error, what }: { isLoading: boolean; error: unknown; what: string }) {
  if (isLoading) {
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading {what}…
      </p>
    );
  }
  if (error) return <RequestError error={error} />;
  return null;
}

/** A secret shown exactly once (new token, generated password), with a copy button. */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">{label}</p>
      <p className="mt-1 text-sm text-amber-900">Copy it now: it is not stored and will not be shown again.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="secret-once" className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900 ring-1 ring-amber-300">
          {secret}
        </code>
        <button type="button" onClick={copy} className={SECONDARY_BUTTON}>
          Copy
        </button>
        <button type="button" onClick={onDone} className={SECONDARY_BUTTON}>
          Done
        </button>
        <span aria-live="polite" className="text-xs text-amber-900">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Copy failed; select the text instead." : ""}
        </span>
      </div>
    </div>
  );
}
