import "server-only";
import { openSql } from "@/lib/server/data/runner";
import { writeBackup } from "./backup";

/**
 * The backup as a byte stream with back-pressure: the snapshot transaction waits while the client is slow
 * instead of piling the database up in memory. A client that goes away ends the transaction.
 */
export async function backupStream(): Promise<ReadableStream<Uint8Array>> {
  const runner = await openSql();
  const encoder = new TextEncoder();
  let wake: (() => void) | null = null;
  let cancelled = false;
  const waitForDemand = () => new Promise<void>((resolve) => (wake = resolve));
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        writeBackup(runner, async (chunk) => {
          if (cancelled) throw new Error("backup download cancelled");
          controller.enqueue(encoder.encode(chunk));
          if ((controller.desiredSize ?? 1) <= 0) await waitForDemand();
        })
          .then(() => controller.close())
          .catch((error) => {
            if (!cancelled) controller.error(error);
          });
      },
      pull() {
        wake?.();
        wake = null;
      },
      cancel() {
        cancelled = true;
        wake?.();
      },
    },
    { highWaterMark: 16 },
  );
}
