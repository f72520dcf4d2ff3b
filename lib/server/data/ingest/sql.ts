import "server-only";

/** SQL fragments the ingest writers share. */

/** Epoch milliseconds of a timestamp column, read as UTC whatever the session time zone. */
export const epochMs = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** An ISO instant parameter written into a `timestamp` (UTC) column. */
export const utcTimestamp = (param: string) => `(${param} AT TIME ZONE 'UTC')`;

/** (owner, externalId) keys of a batch, as the two parallel arrays the statements unnest. */
export interface EventKeys {
  ownerIds: readonly string[];
  externalIds: readonly string[];
}
