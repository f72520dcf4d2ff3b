"use client";

import { useAdminSettings } from "@/lib/client/use-admin";
import { LoadState } from "@/components/ui/form";
import { LocationCosts } from "./location-costs";
import { SettingsForm } from "./settings-form";

export function SettingsAdmin() {
  const settings = useAdminSettings();
  if (!settings.data) return <LoadState isLoading={settings.isLoading} error={settings.error} what="settings" />;
  return (
    <div className="space-y-6">
      <SettingsForm settings={settings.data.settings} />
      <LocationCosts data={settings.data} currency={settings.data.settings.currency} />
    </div>
  );
}
