/** Before/after of an audit entry as field rows, for a readable diff. Pure. */

export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function text(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null || value === undefined ? {} : { value };
}

/** Every field present on either side; changed fields first, in their original order. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => ({ field, before: text(b[field]), after: text(a[field]), changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]) }));
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
