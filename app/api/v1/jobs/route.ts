import { z } from "zod";
import { withRoute } from "@/lib/server/http/route";
import { listJobViews } from "@/lib/server/jobs/read";

export const dynamic = "force-dynamic";

const query = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim().toUpperCase()) : undefined))
    .pipe(z.array(z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"], "must be queued, running, done or failed (comma-separated)")).optional()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Background jobs, newest first, with counts per status (admins). */
export const GET = withRoute({
  auth: "session",
  action: "admin",
  query,
  handler: ({ query }) => listJobViews({ statuses: query.status, limit: query.limit }),
});
