import "server-only";
import { DEFAULT_SIGNALS, DEFAULT_WINDOW, evaluateTeam, warningWindows, type SignalSeries } from "@/lib/review/early-warning";
import type { TeamWarning } from "@/lib/review/review-types";
import { listTeams } from "@/lib/server/data/org";
import { activeMetricKeysOf } from "@/lib/server/data/overview/metrics";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { getMetricSeries } from "@/lib/server/services/overview";

/**
 * Runs the cross-pillar early warning over every active team. Each team's weekly series come from the
 * dashboard series service, so survey and people points are already withheld under the anonymity rules
 * (too few respondents, or exposed by differencing against the team's groups and the org) exactly as
 * the team's own dashboard withholds them; a withheld week carries no value into the check.
 */
export async function teamWarnings(reviewWeek: string, now: Date, viewer: DisclosureViewer): Promise<{ warnings: TeamWarning[]; window: ReturnType<typeof warningWindows> }> {
  const window = { asOfWeek: reviewWeek, ...DEFAULT_WINDOW };
  const keys = await activeMetricKeysOf(DEFAULT_SIGNALS.map((s) => s.key));
  const warnings: TeamWarning[] = [];
  if (keys.length === 0) return { warnings, window: warningWindows(window) };
  // One team at a time: each read is small, and the embedded database serves one query at a time anyway.
  for (const team of await listTeams()) {
    const { series } = await getMetricSeries({ scope: `team:${team.id}`, range: "6m", granularity: "week", metrics: keys, now, viewer });
    const signals: SignalSeries[] = series.map((s) => ({
      key: s.metric.key, name: s.metric.name, pillar: s.metric.pillar, unit: s.metric.unit, direction: s.metric.direction,
      points: s.points.map((p) => ({ period: p.period, value: p.withheld ? null : p.value, ...(p.withheld ? { withheld: p.withheld } : {}) })),
    }));
    const warning = evaluateTeam(signals, window);
    if (warning) warnings.push({ teamId: team.id, teamName: team.name, ...warning });
  }
  warnings.sort((a, b) => b.reasons.length - a.reasons.length || a.teamName.localeCompare(b.teamName));
  return { warnings, window: warningWindows(window) };
}
