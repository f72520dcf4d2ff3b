/**
 * Outcome of parsing one cell. Importers collect the errors of a whole file and show them
 * together, so a bad value is a result, not an exception.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): ParseResult<T> {
  return { ok: false, error };
}
