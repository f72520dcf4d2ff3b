import type { Metadata } from "next";
import { connection } from "next/server";
import { Overview } from "@/components/dashboard/overview";
import { NAV_ITEMS, visibleNavItems } from "@/components/shell/nav";
import { overviewSearch, parseOverviewParams, type OverviewParams } from "@/lib/client/overview-params";
import type { InitialOverview } from "@/lib/client/use-overview";
import type { OverviewResponse } from "@/lib/metrics/series-types";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { HttpError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";
import { listAnnotations } from "@/lib/server/services/annotations";
import { getOverview } from "@/lib/server/services/overview";
import { experimentMarkers } from "@/lib/server/services/skills/experiments";
import { dashboardQuery } from "@/lib/validation/dashboard";
import { annotationsQuery } from "@/lib/validation/leadership";
import { markersQuery } from "@/lib/validation/skills";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  const params = parseOverviewParams(raw);
  const search = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const user = await requirePageUser("read", search.size ? `/?${search}` : "/");
  const availableHrefs = visibleNavItems(NAV_ITEMS, (action) => can(user, action)).map((item) => item.href);
  return <Overview params={params} initial={await initialOverview(params, user)} availableHrefs={availableHrefs} />;
}

/**
 * The first view arrives with the page: the same query, service and reader as GET /api/v1/overview, so its
 * numbers are in the HTML and the browser does not ask again. When it cannot be made here (an unknown scope,
 * a malformed filter), the browser asks the API and shows its answer, as for any later view.
 */
async function initialOverview(params: OverviewParams, user: SessionUser): Promise<InitialOverview | undefined> {
  const query = dashboardQuery.safeParse(Object.fromEntries(new URLSearchParams(overviewSearch(params))));
  if (!query.success) return undefined;
  const now = new Date();
  try {
    const data = await getOverview({ ...query.data, viewer: disclosureViewer(user), now });
    return { data, at: now.getTime(), marks: await chartMarks(data, user, now) };
  } catch (error) {
    if (!(error instanceof HttpError)) console.error("The overview could not be rendered on the server:", error);
    return undefined;
  }
}

/** The view's notes and experiment markers, as GET /api/v1/annotations and /api/v1/experiments/markers answer. */
async function chartMarks(data: OverviewResponse, user: SessionUser, now: Date): Promise<InitialOverview["marks"]> {
  const scope = data.scope.type === "ORG" ? "org" : `${data.scope.type.toLowerCase()}:${data.scope.id}`;
  const notesQuery = annotationsQuery.safeParse({ scope, from: data.from });
  const markerQuery = markersQuery.safeParse({ scope });
  if (!notesQuery.success || !markerQuery.success) return undefined;
  try {
    const [notes, experiments] = await Promise.all([listAnnotations(notesQuery.data, user), experimentMarkers(markerQuery.data.scope, now)]);
    return { scope, from: data.from, annotations: notes.annotations, experiments };
  } catch (error) {
    if (!(error instanceof HttpError)) console.error("The overview's notes could not be rendered on the server:", error);
    return undefined;
  }
}
