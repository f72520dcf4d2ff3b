import "server-only";
import { parseDateTime } from "@/lib/csv/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deleteWorkItemById, restoreWorkItem, workItemsFor } from "@/lib/server/data/imports/events";
import { orderedTransitions, writeWorkItems } from "@/lib/server/services/ingest/work-items";
import { workItemInput, type WorkItemInput } from "@/lib/validation/ingest";
import { eventKind, instants, iso, isoOf, type EventCells, type EventSpec } from "./events";

/**
 * Work items, as `POST /api/v1/work-items` takes them: natural key team + external id. The status
 * history is one cell: "To Do@2026-03-02T09:00Z; In Progress@2026-03-02 10:00" (status@time pairs).
 */
function readTransitions(c: EventCells, field: string): { status: string; at: string }[] {
  const transitions: { status: string; at: string }[] = [];
  for (const part of c.list(field, /;/) ?? []) {
    const at = part.lastIndexOf("@");
    const time = at < 0 ? null : parseDateTime(part.slice(at + 1).trim(), c.options);
    if (!time?.ok) {
      const reason = time ? ` ${time.error}` : "";
      c.row.issues.push({ field, message: `"${part}" is not a status change (write status@time, e.g. In Progress@2026-03-02T10:00Z).${reason}` });
      continue;
    }
    transitions.push({ status: part.slice(0, at).trim(), at: time.value.toISOString() });
  }
  return transitions;
}

export const workItemEvents: EventSpec<WorkItemInput> = {
  key: "work-items",
  label: "Work items",
  description: "external id, team, type (feature, defect, risk, debt), title, created at, and the status changes as status@time pairs separated by semicolons.",
  access: "teamWriter",
  entityType: "WorkItem",
  fields: [
    { key: "externalId", label: "External id", aliases: ["external id", "key", "issue key", "id"], required: true, example: "PAY-812" },
    { key: "team", label: "Team", aliases: ["team slug", "team name"], required: true, example: "payments" },
    { key: "type", label: "Type", aliases: ["issue type", "work type"], required: true, example: "feature" },
    { key: "title", label: "Title", aliases: ["summary", "name"], example: "Saved cards" },
    { key: "createdAt", label: "Created at", aliases: ["created"], required: true, example: "2026-03-01T09:00:00Z" },
    {
      key: "transitions", label: "Status changes", aliases: ["status changes", "status history", "history"],
      example: "To Do@2026-03-02T09:00:00Z; In Progress@2026-03-02T10:00:00Z; Done@2026-03-04T10:00:00Z",
      help: "status@time pairs separated by semicolons; the team's status mapping decides which count as active, waiting or done.",
    },
  ],
  schema: workItemInput,
  read: (c) => ({
    externalId: c.text("externalId"), team: c.team("team"), type: c.text("type")?.toLowerCase(), title: c.text("title"),
    createdAt: c.instant("createdAt"), transitions: readTransitions(c, "transitions"),
  }),
  owner: (w) => w.team,
  image: (w) => ({
    type: w.type.toUpperCase(), title: w.title ?? null, createdAt: isoOf(w.createdAt),
    transitions: orderedTransitions(w.transitions).map((t) => ({ status: t.status, at: t.at.toISOString() })),
  }),
  async load(tx, lookup) {
    const rows = await workItemsFor(lookup, tx);
    return rows.map((r) => ({
      id: r.id, owner: r.team.slug, externalId: r.externalId, teamId: r.teamId, updatedAt: r.updatedAt,
      image: {
        type: r.type, title: r.title, createdAt: iso(r.createdAt), transitions: r.transitions as Prisma.InputJsonValue,
        startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
      },
    }));
  },
  write: writeWorkItems,
  async touch(_tx, affected, event) {
    const [startedAt, finishedAt] = instants(event.image, "startedAt", "finishedAt");
    if (event.teamId) affected.addFlow(event.teamId, [startedAt, finishedAt], startedAt !== null && finishedAt === null);
  },
  remove: (tx, id) => deleteWorkItemById(id, tx),
  restore: (tx, id, image) => restoreWorkItem(id, image as Prisma.WorkItemUncheckedUpdateInput, tx),
};

export const workItemsKind = eventKind(workItemEvents);
