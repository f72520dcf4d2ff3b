import type { Metadata } from "next";
import { connection } from "next/server";
import { CareerLevelsAdmin } from "@/components/retention/admin/career-levels-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Career levels" };

export default async function CareerAdminPage() {
  await connection();
  await requirePageUser("admin", "/admin/career");
  return <CareerLevelsAdmin />;
}
