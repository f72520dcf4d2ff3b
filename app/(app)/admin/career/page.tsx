import { connection } from "next/server";
import { CareerLevelsAdmin } from "@/components/retention/admin/career-levels-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export default async function CareerAdminPage() {
  await connection();
  await requirePageUser("admin", "/admin/career");
  return <CareerLevelsAdmin />;
}
