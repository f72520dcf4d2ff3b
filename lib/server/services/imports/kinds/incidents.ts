import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deleteIncidentById, deploymentFinishedAt, incidentsFor, restoreIncident } from "@/lib/server/data/imports/events";
import { writeIncidents } from "@/lib/server/services/ingest/incidents";
import { incidentInput, type IncidentInput } from "@/lib/validation/ingest";
import { eventKind, instants, iso, isoOf, serviceEventRef, type EventSpec } from "./events";

/** Incidents, as `POST /api/v1/incidents` takes them: natural key service + external id. */
export const incidentEvents: EventSpec<IncidentInput> = {
  key: "incidents",
  label: "Incidents",
  description: "external id, service, title, severity, opened and resolved at, and the external id of the deployment that caused it (same service).",
  access: "admin",
  entityType: "Incident",
  fields: [
    { key: "externalId", label: "External id", aliases: ["external id", "incident id", "id"], required: true, example: "INC-311" },
    { key: "service", label: "Service", aliases: ["repository", "repo", "service name"], required: true, example: "acme/payments-api" },
    { key: "title", label: "Title", aliases: ["summary", "name"], example: "Checkout errors after release" },
    { key: "severity", label: "Severity", aliases: ["priority", "sev"], example: "sev2" },
    { key: "openedAt", label: "Opened at", aliases: ["opened", "created at", "started at"], required: true, example: "2026-03-09T08:00:00Z" },
    { key: "resolvedAt", label: "Resolved at", aliases: ["resolved", "closed at"], example: "2026-03-09T09:30:00Z" },
    { key: "causedByDeployment", label: "Caused by deployment", aliases: ["caused by", "deployment", "cause"], example: "deploy-4711" },
  ],
  schema: incidentInput,
  read: (c) => ({
    externalId: c.text("externalId"), service: c.text("service"), title: c.text("title"), severity: c.text("severity"),
    openedAt: c.instant("openedAt"), resolvedAt: c.instant("resolvedAt"), causedByDeployment: c.text("causedByDeployment"),
  }),
  owner: (i) => i.service,
  image: (i) => ({
    title: i.title ?? null, severity: i.severity ?? null, openedAt: isoOf(i.openedAt), resolvedAt: isoOf(i.resolvedAt),
    causedByDeployment: i.causedByDeployment ?? null,
  }),
  async load(tx, lookup) {
    const rows = await incidentsFor(lookup, tx);
    return rows.map((r) => ({
      ...serviceEventRef(r),
      image: { title: r.title, severity: r.severity, openedAt: iso(r.openedAt), resolvedAt: iso(r.resolvedAt), causedByDeployment: r.causedByDeployment },
    }));
  },
  write: writeIncidents,
  async touch(tx, affected, event) {
    const cause = typeof event.image.causedByDeployment === "string"
      ? await deploymentFinishedAt(event.owner, event.image.causedByDeployment, tx)
      : null;
    affected.addDelivery(event.teamId, [...instants(event.image, "openedAt", "resolvedAt"), cause?.finishedAt]);
  },
  remove: (tx, id) => deleteIncidentById(id, tx),
  restore: (tx, id, image) => restoreIncident(id, image as Prisma.IncidentUncheckedUpdateInput, tx),
};

export const incidentsKind = eventKind(incidentEvents);
