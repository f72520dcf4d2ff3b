/**
 * Reads the database the resilience suite just stressed (the server is stopped, so the embedded data folder
 * is free) and prints the facts it checks as JSON: which deployment ids exist and how often, how many rows
 * an import left (and, given its id, the import's own row and undo records), and whether the schema is up to date.
 *   tsx --conditions=react-server scripts/resilience/inspect.ts <prefix> [importId]
 */
import { closeDb, sqlRunner } from "@/lib/server/db";
import { readMigrations } from "@/lib/server/migrate";

async function main(): Promise<void> {
  const prefix = process.argv[2] ?? "";
  const importId = process.argv[3];
  const runner = await sqlRunner();
  const deployments = await runner.query<{ externalId: string; n: number }>(
    `SELECT "externalId", count(*)::int AS n FROM "Deployment" WHERE "externalId" LIKE $1 GROUP BY "externalId"`,
    [`${prefix}%`],
  );
  const [teams] = await runner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Team" WHERE slug LIKE $1`, [`${prefix}%`]);
  const applied = await runner.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
  const pending = readMigrations().filter((m) => !applied.some((a) => a.migration_name === m.name)).map((m) => m.name);
  const [imported] = importId
    ? await runner.query<{ status: string; processedRows: number; changes: number }>(
        `SELECT status, "processedRows", (SELECT count(*)::int FROM "ImportChange" WHERE "importId" = $1)
                  + (SELECT coalesce(sum(cardinality("metricIds")), 0)::int FROM "ImportBatch" WHERE "importId" = $1) AS changes FROM "Import" WHERE id = $1`,
        [importId],
      )
    : [];
  console.log(JSON.stringify({ deployments: Object.fromEntries(deployments.map((d) => [d.externalId, d.n])), teams: teams?.n ?? 0, import: imported ?? null, pendingMigrations: pending }));
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
