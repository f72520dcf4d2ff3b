import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** The built-in rows: the organisation settings row and the built-in metric definitions. */

/** Creates the settings row when missing; never changes an existing one. */
export async function ensureOrgSettingsRow(tx: Tx = client): Promise<void> {
  await tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

export async function listMetricKeys(tx: Tx = client): Promise<string[]> {
  return (await tx.metricDefinition.findMany({ select: { key: true } })).map((m) => m.key);
}

/** Inserts metric definitions, skipping any whose key already exists. */
export async function insertMetricDefinitions(rows: Prisma.MetricDefinitionCreateManyInput[], tx: Tx = client): Promise<void> {
  await tx.metricDefinition.createMany({ data: rows, skipDuplicates: true });
}

/** Rewrites the fields of a built-in definition that describe its computation (the release owns them). */
export async function updateBuiltInMetric(
  key: string,
  fields: Pick<Prisma.MetricDefinitionUpdateInput, "howComputed" | "source" | "aggregation" | "sensitivity" | "builtIn">,
  tx: Tx = client,
): Promise<void> {
  await tx.metricDefinition.update({ where: { key }, data: fields });
}
