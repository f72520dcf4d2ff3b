import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { SettingsAdmin } from "@/components/admin/settings-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Settings · Administration" };

export default async function AdminSettingsPage() {
  await connection();
  await requirePageUser("admin", "/admin/settings");
  return (
    <>
      <AdminHeader title="Organisation settings" />
      <SettingsAdmin />
    </>
  );
}
