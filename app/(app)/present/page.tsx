import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PresentChooser } from "@/components/present/present-chooser";
import { Presentation } from "@/components/present/presentation";
import type { PresentSlide } from "@/components/present/slides";
import { formatDate } from "@/lib/format";
import { RANGE_KEYS, RANGE_LABELS, type RangeKey } from "@/lib/metrics/series-types";
import type { PackSlide } from "@/lib/review/pack-types";
import { listGroups, listTeams } from "@/lib/server/data/org";
import { listActiveMetricNames } from "@/lib/server/data/overview/metrics";
import { HttpError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/page-auth";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { getPack, listPacks, liveSlides } from "@/lib/server/services/packs";

export const metadata: Metadata = { title: "Present" };

type Search = Record<string, string | string[] | undefined>;

const toPresent = (s: PackSlide): PresentSlide => ({
  title: s.series.metric.name,
  subtitle: `${s.scopeName} · ${RANGE_LABELS[s.range]} by ${s.granularity} · as of the week of ${formatDate(s.asOfWeek)}`,
  series: s.series,
  markers: s.markers,
  narrative: s.narrative,
  speakerNotes: s.speakerNotes,
});

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(",") : []).map((x) => x.trim()).filter(Boolean);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function PresentPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const raw = await searchParams;
  const user = await requirePageUser("read", "/present");
  const packId = one(raw.pack);
  const metrics = list(raw.metrics).slice(0, 20);
  const rethrow404 = (error: unknown): never => {
    if (error instanceof HttpError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  };

  if (packId) {
    const pack = await getPack(packId, user).catch(rethrow404);
    return <Presentation slides={pack.slides.map(toPresent)} deckId={pack.id} exitHref={`/packs/${pack.id}`} />;
  }
  if (metrics.length > 0) {
    const scope = /^(org|(group|team):[\w-]{1,64})$/.test(one(raw.scope)) ? one(raw.scope) : "org";
    const range = (RANGE_KEYS as string[]).includes(one(raw.range)) ? (one(raw.range) as RangeKey) : "6m";
    const slides = await liveSlides({ scope, metrics, range, granularity: range === "12w" ? "week" : "month" }, disclosureViewer(user)).catch(rethrow404);
    return <Presentation slides={slides.map(toPresent)} deckId={`live-${scope}-${metrics.join("-")}`} exitHref="/present" />;
  }

  const [packs, groups, teams, metricRows] = await Promise.all([
    listPacks(),
    listGroups(),
    listTeams(),
    listActiveMetricNames(),
  ]);
  const scopes = [
    { value: "org", label: "Whole organisation" },
    ...groups.map((g) => ({ value: `group:${g.id}`, label: `Group: ${g.name}` })),
    ...teams.map((t) => ({ value: `team:${t.id}`, label: `Team: ${t.name}` })),
  ];
  return <PresentChooser packs={packs} scopes={scopes} metrics={metricRows} />;
}
