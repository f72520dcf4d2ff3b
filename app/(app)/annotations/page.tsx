import type { Metadata } from "next";
import { connection } from "next/server";
import { AnnotationsPage } from "@/components/annotations/annotations-page";
import { localDate } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Annotations" };

export default async function AnnotationsRoute() {
  await connection();
  const user = await requirePageUser("read", "/annotations");
  const { timeZone } = await getOrgSettings();
  return <AnnotationsPage canAnnotate={can(user, "annotate")} today={localDate(new Date(), timeZone)} />;
}
