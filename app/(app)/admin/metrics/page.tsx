import type { Metadata } from "next";
import { connection } from "next/server";
import { CatalogManager } from "@/components/catalog/catalog-manager";
import { listTeams } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { listCatalog } from "@/lib/server/services/metric-catalog";

export const metadata: Metadata = { title: "Metric catalog" };

export default async function MetricCatalogPage() {
  await connection();
  await requirePageUser("admin", "/admin/metrics");
  const [metrics, teams] = await Promise.all([listCatalog({ archived: "include" }), listTeams()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Metric catalog</h1>
        <p className="text-sm text-slate-600">
          Definitions of every metric. Built-in computed metrics come from events and are read-only; set their targets under Targets. A change to a
          definition is recorded in the audit trail and marked on charts.
        </p>
      </div>
      <CatalogManager metrics={metrics} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
    </div>
  );
}
