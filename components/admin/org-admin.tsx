"use client";

import { useAdminOrg } from "@/lib/client/use-admin";
import { LoadState } from "@/components/ui/form";
import { GroupsPanel } from "./groups-panel";
import { ServicesPanel } from "./services-panel";
import { TeamsPanel } from "./teams-panel";

export function OrgAdmin() {
  const org = useAdminOrg();
  if (!org.data) return <LoadState isLoading={org.isLoading} error={org.error} what="the organisation" />;
  return (
    <div className="space-y-6">
      <GroupsPanel groups={org.data.groups} />
      <TeamsPanel teams={org.data.teams} groups={org.data.groups} />
      <ServicesPanel services={org.data.services} teams={org.data.teams} />
    </div>
  );
}
