import type { Metadata } from "next";
import { connection } from "next/server";
import { PresenterNotes } from "@/components/present/presenter-notes";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Presenter view" };

/** Opened by the presentation window; follows the deck and shows speaker notes on the presenter's screen. */
export default async function PresenterNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  await requirePageUser("read", "/present");
  const deck = (await searchParams).deck;
  return <PresenterNotes deckId={typeof deck === "string" ? deck : ""} />;
}
