import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { OrgAdmin } from "@/components/admin/org-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Groups, teams and services · Administration" };

export default async function AdminOrgPage() {
  await connection();
  await requirePageUser("admin", "/admin/org");
  return (
    <>
      <AdminHeader title="Groups, teams and services">Group dashboards include their sub-groups&apos; teams. Moving a team or a group recomputes them.</AdminHeader>
      <OrgAdmin />
    </>
  );
}
