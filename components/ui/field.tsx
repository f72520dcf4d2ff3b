import { useId, type ReactNode, type SelectHTMLAttributes } from "react";

/** What a control inside `Field` spreads on itself: its id and the ids of the hint and error that describe it. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

const LABEL = "block text-sm font-medium text-slate-700";
const HINT = "mt-1 text-xs text-slate-600";
const ERROR = "mt-1 text-xs font-medium text-red-700";
export const CONTROL = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

/** A label, its control, an optional hint and an optional error, the last two tied to the control by aria-describedby. */
export function Field({ label, hint, error, id: givenId, className, labelClassName, children }: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  className?: string;
  labelClassName?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName ?? LABEL}>{label}</label>
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
      {hint && <p id={hintId} className={HINT}>{hint}</p>}
      {error && <p id={errorId} role="alert" className={ERROR}>{error}</p>}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled `<select>` (a `Field` around it). */
export function Select({ label, hint, error, options, id, className, labelClassName, selectClassName, ...rest }: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  options: readonly SelectOption[];
  id?: string;
  className?: string;
  labelClassName?: string;
  selectClassName?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className" | "children">) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className} labelClassName={labelClassName}>
      {(control) => (
        <select {...rest} {...control} className={selectClassName ?? CONTROL}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}
