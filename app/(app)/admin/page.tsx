import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHome } from "@/components/admin/admin-home";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await connection();
  await requirePageUser("admin", "/admin");
  return <AdminHome />;
}
