import type { Metadata } from "next";
import { connection } from "next/server";
import { TargetsManager } from "@/components/targets/targets-manager";
import { weekStartOf } from "@/lib/domain/time";
import { getOrgSettings, listGroups, listTeams } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { listCatalog } from "@/lib/server/services/metric-catalog";
import { listTargets } from "@/lib/server/services/targets";

export const metadata: Metadata = { title: "Targets" };

export default async function TargetsPage() {
  await connection();
  await requirePageUser("admin", "/admin/targets");
  const [metrics, groups, teams, targets, settings] = await Promise.all([listCatalog(), listGroups(), listTeams(), listTargets(), getOrgSettings()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Targets</h1>
        <p className="text-sm text-slate-600">
          Green and amber bands per metric for the organisation, a group or a team. A team uses its own target, else its nearest group’s, else the
          organisation’s. Charts draw the target line and colour the latest value; a new target applies from its date and earlier ones stay.
        </p>
      </div>
      <TargetsManager
        metrics={metrics.filter((m) => m.direction !== "NEUTRAL").map((m) => ({ id: m.id, name: m.name, unit: m.unit, direction: m.direction }))}
        groups={groups.map((g) => ({ id: g.id, name: g.name }))}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        targets={targets}
        // Charts compare a target with periods by their start, so default to this week's Monday.
        today={weekStartOf(new Date(), settings.timeZone)}
      />
    </div>
  );
}
