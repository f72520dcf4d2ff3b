import "server-only";
import { exportedMetricDefinitions, exportedSettings } from "@/lib/server/data/exports/settings";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { exportedValues, metricValuesFilter } from "./metric-values";
import { GROUPS_HEADER, groupRows, TEAMS_HEADER, teamRows } from "./tables";

/**
 * The full organisation export: one JSON document (streamed) with a section per kind — settings, groups,
 * teams, metric definitions, team metric values — in the same shapes as the per-kind CSV exports, for
 * backup or moving to another Pillars. The disclosure policy applies to the values as in every export (rule 4).
 */
export function fullExportStream(viewer: DisclosureViewer, now: Date): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const parts = fullExportParts(viewer, now);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let piece = "";
      while (piece.length < 64 * 1024) {
        const next = await parts.next();
        if (next.done) {
          if (piece) controller.enqueue(encoder.encode(piece));
          controller.close();
          return;
        }
        piece += next.value;
      }
      controller.enqueue(encoder.encode(piece));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

async function* fullExportParts(viewer: DisclosureViewer, now: Date): AsyncGenerator<string> {
  const settings = await exportedSettings();
  yield `{"format":"pillars-export","version":1,"exportedAt":${JSON.stringify(now.toISOString())},"settings":${JSON.stringify(settings)}`;
  yield `,"groups":${JSON.stringify(table(GROUPS_HEADER, await groupRows()))}`;
  yield `,"teams":${JSON.stringify(table(TEAMS_HEADER, await teamRows()))}`;
  const metrics = await exportedMetricDefinitions();
  yield `,"metrics":${JSON.stringify(metrics)}`;
  yield `,"metricValues":[`;
  let first = true;
  for await (const v of exportedValues(await metricValuesFilter({}), viewer, now)) {
    yield (first ? "" : ",") + JSON.stringify(v);
    first = false;
  }
  yield "]}";
}

function table(header: string[], rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}
