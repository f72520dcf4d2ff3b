import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Users · Administration" };

export default async function AdminUsersPage() {
  await connection();
  const user = await requirePageUser("admin", "/admin/users");
  return (
    <>
      <AdminHeader title="Users">Roles: Admin (everything), Leader (sees everything, annotates), Manager (writes data for their teams), Viewer (read-only).</AdminHeader>
      <UsersAdmin currentUserId={user.id} />
    </>
  );
}
