import "server-only";
import { z } from "zod";

/** A problem with one item of a batch, reported like a schema error: `{ path: "3.team", message }`. */
export interface ItemIssue {
  index: number;
  field: string;
  message: string;
}

/** Throws the batch's item problems as a validation error (the route answers 400 with `issues`). */
export function rejectItems(issues: readonly ItemIssue[]): never {
  throw new z.ZodError(issues.map((i) => ({ code: "custom" as const, path: [i.index, i.field], message: i.message, input: undefined })));
}
