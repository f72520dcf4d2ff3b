import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deleteDeploymentById, deploymentsFor, restoreDeployment } from "@/lib/server/data/imports/events";
import { writeDeployments } from "@/lib/server/services/ingest/deployments";
import { deploymentInput, type DeploymentInput } from "@/lib/validation/ingest";
import { eventKind, instants, iso, isoOf, serviceEventRef, type EventSpec } from "./events";

/** Deployments, as `POST /api/v1/deployments` takes them: natural key service + external id. */
export const deploymentEvents: EventSpec<DeploymentInput> = {
  key: "deployments",
  label: "Deployments",
  description: "external id, service, team, environment, status (success or failure), started and finished at, commit SHA, shipped commits, kind (regular, hotfix, rollback).",
  access: "admin",
  entityType: "Deployment",
  fields: [
    { key: "externalId", label: "External id", aliases: ["external id", "deployment id", "id"], required: true, example: "deploy-4711" },
    { key: "service", label: "Service", aliases: ["repository", "repo", "service name"], required: true, example: "acme/payments-api" },
    { key: "team", label: "Team", aliases: ["team slug", "team name"], example: "payments", help: "Attaches a new or unassigned service to this team." },
    { key: "environment", label: "Environment", aliases: ["env"], required: true, example: "production" },
    { key: "status", label: "Status", aliases: ["result", "outcome"], required: true, example: "success" },
    { key: "startedAt", label: "Started at", aliases: ["started", "start"], example: "2026-03-02T10:05:00Z" },
    { key: "finishedAt", label: "Finished at", aliases: ["finished", "deployed at", "completed at"], required: true, example: "2026-03-02T10:15:00Z" },
    { key: "commitSha", label: "Commit SHA", aliases: ["sha", "commit", "revision"], required: true, example: "9f2c1e7" },
    { key: "commits", label: "Shipped commits", aliases: ["commit shas", "shipped commits"], example: "4b1d0aa 9f2c1e7", help: "SHAs separated by spaces, commas or semicolons." },
    { key: "kind", label: "Kind", aliases: ["deployment kind", "type"], example: "regular" },
  ],
  schema: deploymentInput,
  read: (c) => ({
    externalId: c.text("externalId"), service: c.text("service"), team: c.team("team"), environment: c.text("environment"),
    status: c.text("status")?.toLowerCase(), startedAt: c.instant("startedAt"), finishedAt: c.instant("finishedAt"),
    commitSha: c.text("commitSha"), commits: c.list("commits", /[\s,;]+/), kind: c.text("kind")?.toLowerCase(),
  }),
  owner: (d) => d.service,
  image: (d) => ({
    environment: d.environment, status: d.status, kind: d.kind, startedAt: isoOf(d.startedAt), finishedAt: isoOf(d.finishedAt),
    commitSha: d.commitSha, commits: d.commits ?? [],
  }),
  async load(tx, lookup) {
    const rows = await deploymentsFor(lookup, tx);
    return rows.map((r) => ({
      ...serviceEventRef(r),
      image: {
        environment: r.environment, status: r.status, kind: r.kind, startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt),
        commitSha: r.commitSha, commits: r.commits,
      },
    }));
  },
  write: writeDeployments,
  async touch(_tx, affected, event) {
    affected.addDelivery(event.teamId, instants(event.image, "finishedAt"));
  },
  remove: (tx, id) => deleteDeploymentById(id, tx),
  restore: (tx, id, image) => restoreDeployment(id, image as Prisma.DeploymentUncheckedUpdateInput, tx),
};

export const deploymentsKind = eventKind(deploymentEvents);
