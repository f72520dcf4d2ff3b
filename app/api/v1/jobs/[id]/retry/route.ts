import { withRoute } from "@/lib/server/http/route";
import { jobView } from "@/lib/server/jobs/read";
import { retryJob } from "@/lib/server/jobs/queue";

export const dynamic = "force-dynamic";

/** Queues a failed job again, its attempts starting over (admins). 409 when the job has not failed. */
export const POST = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  action: "admin",
  handler: async ({ params }) => {
    await retryJob(params.id);
    return { job: await jobView(params.id) };
  },
});
