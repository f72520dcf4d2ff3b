import { z } from "zod";

/** `GET /api/v1/status-grid`: the organisation or a group (a team's grid would be a single row: its overview). */
export const statusGridQuery = z.object({
  scope: z
    .string()
    .regex(/^(org|group:[\w-]+)$/, "must be org or group:<id>")
    .default("org"),
  granularity: z.enum(["week", "month", "quarter"], "must be week, month or quarter").default("month"),
});
export type StatusGridQueryInput = z.infer<typeof statusGridQuery>;
