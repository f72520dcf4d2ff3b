import type { Metadata } from "next";
import { connection } from "next/server";
import { ComposeForm } from "@/components/engagement/compose-form";
import { requirePageUser } from "@/lib/server/page-auth";
import { listTemplates } from "@/lib/server/services/engagement/surveys";

export const metadata: Metadata = { title: "New survey" };

export default async function NewSurveyPage() {
  await connection();
  await requirePageUser("manageSurveys", "/surveys/new");
  return <ComposeForm templates={listTemplates()} />;
}
