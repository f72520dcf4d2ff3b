import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { WebhookAdmin } from "@/components/delivery/webhook-admin";
import { getOrgSettings, listTeams } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { listWebhookSources } from "@/lib/server/services/delivery/webhook-sources";

export const metadata: Metadata = { title: "Webhooks · Administration" };

export default async function AdminWebhooksPage() {
  await connection();
  await requirePageUser("admin", "/admin/webhooks");
  const [sources, teams, settings] = await Promise.all([listWebhookSources(), listTeams(), getOrgSettings()]);
  return (
    <>
      <AdminHeader title="Webhooks">
        GitHub and GitLab send deployments, pull requests, reviews and incident issues here. Each source has its own secret; services first seen
        through a source go to its default team.
      </AdminHeader>
      <WebhookAdmin
        sources={sources.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastDeliveryAt: s.lastDeliveryAt?.toISOString() ?? null }))}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        incidentLabel={settings.incidentLabel}
      />
    </>
  );
}
