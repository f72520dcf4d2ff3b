"use client";

import { useRouter } from "next/navigation";
import { useRunAction } from "@/lib/client/use-surveys";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Close now (publishes the final snapshot and opens the next run when repeating), publish an interim snapshot, create the next run. */
export function RunActions({ runId, state, repeat }: { runId: string; state: "scheduled" | "open" | "closed"; repeat: string }) {
  const router = useRouter();
  const act = useRunAction(runId, {
    onSuccess: (data) => {
      const next = data.nextRunId ?? data.id;
      if (next) router.push(`/surveys/runs/${next}`);
      else router.refresh();
    },
  });
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state !== "closed" && (
        <button type="button" className={button} disabled={act.isPending} onClick={() => act.mutate("close")}>
          Close now and publish results
        </button>
      )}
      {state === "open" && (
        <button
          type="button"
          className={button}
          disabled={act.isPending}
          title="Publishes the answers so far as an interim snapshot. A team's results change in a later snapshot only when enough new people have answered."
          onClick={() => act.mutate("publish")}
        >
          Publish an interim snapshot
        </button>
      )}
      {repeat !== "none" && (
        <button type="button" className={button} disabled={act.isPending} onClick={() => act.mutate("next")}>
          Create next run
        </button>
      )}
      {act.isSuccess && <p role="status" className="text-sm text-green-800">Done.</p>}
      {act.isError && <ErrorAlert>{act.error.message}</ErrorAlert>}
    </div>
  );
}
