"use client";

import { useState, useTransition } from "react";
import type { StoredItem } from "@/lib/validation/surveys";
import { scaleAnchors, scaleValues } from "./scale-labels";

type Answer = number | string | null;
type Submit = (
  token: string,
  answers: Record<string, Answer>,
) => Promise<{ ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] }>;

interface RespondFormProps {
  token: string;
  items: StoredItem[];
  description: string | null;
  closesOn: string;
  submit: Submit;
}

const OPTION =
  "flex min-h-12 min-w-11 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-2 text-base font-medium text-slate-800 " +
  "peer-checked:border-blue-700 peer-checked:bg-blue-700 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-blue-600 peer-focus-visible:ring-offset-2";

function ScaleQuestion({ item, value, onChange }: { item: StoredItem; value: Answer; onChange: (v: number) => void }) {
  const values = scaleValues(item.kind);
  const anchors = scaleAnchors(item.kind);
  const cols = values.length === 11 ? "grid-cols-6 sm:grid-cols-11" : values.length === 7 ? "grid-cols-7" : "grid-cols-5";
  return (
    <>
      <div className={`mt-3 grid gap-2 ${cols}`}>
        {values.map((v) => (
          <label key={v} className="relative">
            <input
              type="radio"
              name={item.id}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              className="peer sr-only"
              aria-label={v === values[0] ? `${v} ${anchors.low}` : v === values[values.length - 1] ? `${v} ${anchors.high}` : String(v)}
            />
            <span aria-hidden="true" className={OPTION}>
              {v}
            </span>
          </label>
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-slate-600">
        <span>{anchors.low}</span>
        <span>{anchors.high}</span>
      </div>
    </>
  );
}

/**
 * The respondent's form: one column, one question per block, large tap targets (at least 44 px). Every
 * scored question must be answered; free text is optional and stored apart from the answers.
 */
export function RespondForm({ token, items, description, closesOn, submit }: RespondFormProps) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const set = (id: string, v: Answer) => setAnswers((a) => ({ ...a, [id]: v }));

  if (done) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-green-200 bg-green-50 p-5 text-base text-green-900">
        Thank you — your answers were recorded anonymously. You can close this page.
      </div>
    );
  }

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const missing = Object.fromEntries(
      items.filter((i) => i.kind !== "text" && (answers[i.id] === undefined || answers[i.id] === null)).map((i) => [i.id, "Please answer this question."]),
    );
    setErrors(missing);
    if (Object.keys(missing).length) {
      setMessage(`${Object.keys(missing).length} question(s) still need an answer.`);
      document.getElementById(`q-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    startTransition(async () => {
      const result = await submit(token, answers);
      if (result.ok) {
        setDone(true);
        return;
      }
      setMessage(result.message);
      setErrors(Object.fromEntries(result.issues.map((i) => [i.path, i.message])));
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-6">
      {description && <p className="text-base text-slate-700">{description}</p>}
      <p className="text-sm text-slate-600">
        Your answers are anonymous: they are stored with your team only, never with this link, your name or the time. Results are shown only for groups
        with enough responses. Open until {closesOn}.
      </p>
      {items.map((item, n) => (
        <fieldset
          key={item.id}
          id={`q-${item.id}`}
          tabIndex={-1}
          aria-describedby={errors[item.id] ? `err-${item.id}` : undefined}
          className="rounded-lg border border-slate-200 bg-white p-4 focus:outline-2 focus:outline-blue-600"
        >
          <legend className="sr-only">{item.text}</legend>
          <p aria-hidden="true" className="text-base font-medium text-slate-900">
            <span className="text-slate-500">{n + 1}. </span>
            {item.text}
          </p>
          {item.kind === "text" ? (
            <textarea
              aria-label={item.text}
              rows={4}
              maxLength={2000}
              value={typeof answers[item.id] === "string" ? (answers[item.id] as string) : ""}
              onChange={(e) => set(item.id, e.target.value)}
              className="mt-3 block w-full rounded-lg border border-slate-300 p-3 text-base"
            />
          ) : item.kind === "singleChoice" ? (
            <div className="mt-3 grid gap-2">
              {item.options.map((o) => (
                <label key={o.id} className="relative">
                  <input type="radio" name={item.id} value={o.id} checked={answers[item.id] === o.id} onChange={() => set(item.id, o.id)} className="peer sr-only" aria-label={o.label} />
                  <span aria-hidden="true" className={`${OPTION} justify-start px-4`}>
                    {o.label}
                  </span>
                </label>
              ))}
            </div>
          ) : (
            <ScaleQuestion item={item} value={answers[item.id] ?? null} onChange={(v) => set(item.id, v)} />
          )}
          {errors[item.id] && (
            <p id={`err-${item.id}`} role="alert" className="mt-2 text-sm font-medium text-red-700">
              {errors[item.id]}
            </p>
          )}
        </fieldset>
      ))}
      {message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-base text-red-800">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-blue-700 px-4 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Sending…" : "Send my answers"}
      </button>
    </form>
  );
}
