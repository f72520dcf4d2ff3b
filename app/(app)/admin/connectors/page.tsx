import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { ConnectorsAdmin } from "@/components/admin/connectors-admin";
import { listTeams } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Connectors · Administration" };

export default async function AdminConnectorsPage() {
  await connection();
  await requirePageUser("admin", "/admin/connectors");
  const teams = await listTeams();
  return (
    <>
      <AdminHeader title="Connectors">
        Connectors read deployments, pull requests, incidents and work items from GitHub, GitLab, Jira and PagerDuty on a schedule: first the
        backfill window, then what changed since the last sync. Events also sent by webhooks or the API are counted once.
      </AdminHeader>
      <ConnectorsAdmin teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
    </>
  );
}
