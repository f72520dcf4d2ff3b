"use client";

import type { ReactNode } from "react";
import type { Formatters } from "@/components/format/format-context";
import { EMPTY_TEXT as EMPTY, formatDuration, orEmpty } from "@/lib/format";
import Link from "next/link";
import { changeHref, type ChangeRowJson, type DeploymentRowJson, type IncidentRowJson } from "@/lib/client/use-delivery";

/**
 * How each drill-down column (lib/delivery/drilldown.ts `DRILL_COLUMNS`, by key) reads on screen; the CSV writes
 * the same columns as plain values. A row's `data-*` attributes say what it counts for.
 */
type Cells<T> = Record<string, (row: T, f: Formatters) => ReactNode>;
const mono = (text: string) => <span className="font-mono text-xs">{text}</span>;

export const DEPLOYMENT_CELLS: Cells<DeploymentRowJson> = {
  externalId: (d) => mono(d.externalId),
  service: (d) => d.service,
  finishedAt: (d, f) => f.dateTime(d.finishedAt),
  commitSha: (d) => mono(d.commitSha.slice(0, 12)),
  status: (d) => d.status,
  kind: (d) => `${d.kind}${d.isRework ? " (rework)" : ""}`,
  shippedChanges: (d) => d.shippedChanges,
  causedFailure: (d) => (d.causedFailure ? `Yes — ${d.failureReasons.join(", ")}` : "No"),
  recoveryMinutes: (d) => (d.causedFailure ? orEmpty(d.recoveryMinutes, formatDuration) : EMPTY),
  incidents: (d) => d.incidents.join(", ") || EMPTY,
};

export const CHANGE_CELLS: Cells<ChangeRowJson> = {
  externalId: (c) => (
    <Link href={changeHref(c.service, c.externalId)} className="font-mono text-xs text-blue-700 underline" aria-label={`Change #${c.externalId} of ${c.service}`}>
      #{c.externalId}
    </Link>
  ),
  title: (c) => c.title ?? EMPTY,
  author: (c) => c.author ?? EMPTY,
  service: (c) => c.service,
  coding: (c) => orEmpty(c.coding, formatDuration),
  pickup: (c) => orEmpty(c.pickup, formatDuration),
  review: (c) => orEmpty(c.review, formatDuration),
  deploy: (c) => orEmpty(c.deploy, formatDuration),
  leadTime: (c) => <span className="font-medium">{orEmpty(c.leadTime, formatDuration)}</span>,
  deployedAt: (c, f) => (c.deployedAt ? f.dateTime(c.deployedAt) : EMPTY),
  deployment: (c) => (c.deployment ? mono(c.deployment) : "Not deployed yet"),
};

export const INCIDENT_CELLS: Cells<IncidentRowJson> = {
  externalId: (i) => mono(i.externalId),
  title: (i) => i.title ?? EMPTY,
  service: (i) => i.service,
  severity: (i) => i.severity ?? EMPTY,
  openedAt: (i, f) => f.dateTime(i.openedAt),
  resolvedAt: (i, f) => (i.resolvedAt ? f.dateTime(i.resolvedAt) : "Open"),
  restoreMinutes: (i) => orEmpty(i.restoreMinutes, formatDuration),
  linkedDeployment: (i) => (
    <>
      {i.linkedDeployment ? mono(i.linkedDeployment) : "None (before any deployment)"}
      {i.linkedDeployment && <span className="block text-xs text-slate-600">{i.linkNamedByClient ? "named by the incident tool" : "latest deployment before it opened"}</span>}
    </>
  ),
};
