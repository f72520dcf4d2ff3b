/**
 * The OpenAPI 3.1 description of the ingestion and delivery read endpoints, generated from the same zod
 * schemas the handlers validate with (zod 4's JSON Schema output is draft 2020-12, OpenAPI 3.1's dialect).
 */
import { z } from "zod";
import { PROVIDER_INFO, PROVIDERS } from "@/lib/connectors/providers";
import { connectorCreateInput, connectorSyncInput, connectorUpdateInput } from "@/lib/validation/connectors";
import { allocationInput, changeRowsQuery, deliveryQuery, deploymentRowsQuery, incidentRowsQuery } from "@/lib/validation/delivery";
import { MAX_BATCH, deploymentInput, incidentInput, pullRequestInput, workItemInput } from "@/lib/validation/ingest";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function batchSchema(name: string): JsonSchema {
  const ref = { $ref: `#/components/schemas/${name}` };
  return { oneOf: [ref, { type: "array", items: ref, minItems: 1, maxItems: MAX_BATCH }] };
}

const errorResponses = {
  "400": { description: "Invalid request: `issues` lists each failing item index and field, e.g. `3.finishedAt`.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "No API token, or the token is unknown, revoked or expired." },
  "403": { description: "The token lacks the required scope." },
};

function ingestPath(name: string, summary: string) {
  return {
    post: {
      summary,
      description: `One object or an array of up to ${MAX_BATCH}. Idempotent on externalId per service (per team for work items): resending updates. A batch with any invalid item stores nothing.`,
      security: [{ bearer: ["ingest"] }],
      requestBody: { required: true, content: { "application/json": { schema: batchSchema(name) } } },
      responses: {
        "200": { description: "Stored (committed). The weekly metric values the batch changes are recomputed by a background job: `recomputing: true` and `job` name it; wait on `GET /api/v1/jobs/{id}?wait=30` to read your own writes.", content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResult" } } } },
        ...errorResponses,
      },
    },
  };
}

const OWNERSHIP =
  "An import belongs to whoever uploaded it — a user or an API token: each sees and acts on its own imports, admins on every import. Kinds that hold people records (`people`, `learning`) are admin-only: a token sees only those it uploaded itself.";
const importId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const importErrors = {
  ...errorResponses,
  "403": { description: "The token lacks the required scope, or the caller's role may not act on imports." },
  "404": { description: "No such import, or one the caller may not see (someone else's): both answer the same." },
};

function importPath(method: "get" | "post", scope: "read" | "ingest", summary: string, extra: Record<string, unknown> = {}) {
  return {
    [method]: {
      summary,
      description: OWNERSHIP,
      security: [{ bearer: [scope] }],
      parameters: [importId],
      responses: { "200": { description: "OK" }, ...importErrors, ...extra },
    },
  };
}

function queryParameters(schema: z.ZodType) {
  const json = schemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    description: typeof s.description === "string" ? s.description : undefined,
    schema: s,
  }));
}

function readPath(summary: string, parameters: unknown[]) {
  return {
    get: {
      summary,
      security: [{ bearer: ["read"] }],
      parameters,
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } }, ...errorResponses },
    },
  };
}

const connectorId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const adminErrors = {
  "400": { description: "Invalid request: `issues` names each failing field, e.g. `options.repos`.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "Not signed in." },
  "403": { description: "The signed-in user is not an admin (API tokens are refused)." },
};
const json = (ref: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
/** Each provider's option keys, from the same field list the form, the CLI and the validation read. */
const PROVIDER_OPTIONS_TEXT = PROVIDERS.map((p) => `\`${p}\`: ${PROVIDER_INFO[p].fields.map((f) => `\`${f.key}\` (${f.kind}${f.required ? ", required" : ""})`).join(", ")}`).join("; ");

/** Admin → Connectors over the API: an admin's session, never an API token; the connector's token is write-only. */
const connectorPaths = {
  "/api/v1/admin/connectors": {
    get: {
      summary: "The pull connectors (never their tokens) with their last sync and any queued or running sync job, and each provider's fields",
      security: [{ session: [] }],
      responses: { "200": { description: "`{ connectors, providers }`" }, ...adminErrors },
    },
    post: {
      summary: "Add a pull connector; its backfill sync is queued at once",
      description: `\`options\` holds the provider's own fields — ${PROVIDER_OPTIONS_TEXT}. A list is an array or comma/line-separated text, a mapping an object or \`from=to\` pairs.`,
      security: [{ session: [] }],
      requestBody: json("ConnectorCreate"),
      responses: {
        "201": { description: "`{ id, job: { id, url } }` — the backfill job (null when added paused)." },
        ...adminErrors,
        "404": { description: "The default team does not exist." },
        "409": { description: "A connector of that name exists already." },
      },
    },
  },
  "/api/v1/admin/connectors/{id}": {
    patch: {
      summary: "Edit, pause (`enabled: false`) or resume a connector; an empty or absent token keeps the stored one",
      security: [{ session: [] }],
      parameters: [connectorId],
      requestBody: json("ConnectorUpdate"),
      responses: { "200": { description: "Saved." }, ...adminErrors, "404": { description: "No such connector (or team)." }, "409": { description: "A connector of that name exists already." } },
    },
    delete: {
      summary: "Remove a connector; the events it synced stay",
      security: [{ session: [] }],
      parameters: [connectorId],
      responses: { "204": { description: "Removed." }, ...adminErrors, "404": { description: "No such connector." } },
    },
  },
  "/api/v1/admin/connectors/{id}/sync": {
    post: {
      summary: "Sync now: queue a sync (joining one already waiting); `since` (YYYY-MM-DD) re-reads history from that day",
      security: [{ session: [] }],
      parameters: [connectorId],
      requestBody: json("ConnectorSync"),
      responses: { "202": { description: "`{ job: { id, url } }`; follow it at `GET /api/v1/jobs/{id}`." }, ...adminErrors, "404": { description: "No such connector." } },
    },
  },
};

export function openApiDocument(serverUrl = "/"): JsonSchema {
  const scoped = queryParameters(deliveryQuery);
  return {
    openapi: "3.1.0",
    info: {
      title: "Pillars API",
      version: "1.0.0",
      description:
        "Send delivery events (deployments, pull requests, incidents, work items) and read the DORA and flow metrics computed from them. Authenticate with `Authorization: Bearer <token>`; tokens carry the `ingest` and/or `read` scope. Times are ISO 8601 with an offset; periods are local days in the organisation's time zone.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token created by an admin (scopes: ingest, read)." },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "An admin's signed-in session (`__Secure-authjs.session-token` over HTTPS), for the admin routes." },
      },
      schemas: {
        Deployment: schemaOf(deploymentInput),
        PullRequest: schemaOf(pullRequestInput),
        Incident: schemaOf(incidentInput),
        WorkItem: schemaOf(workItemInput),
        Allocation: schemaOf(allocationInput),
        ConnectorCreate: schemaOf(connectorCreateInput),
        ConnectorUpdate: schemaOf(connectorUpdateInput),
        ConnectorSync: schemaOf(connectorSyncInput),
        IngestResult: {
          type: "object",
          properties: {
            received: { type: "integer" },
            created: { type: "integer" },
            updated: { type: "integer" },
            unassignedServices: { type: "array", items: { type: "string" }, description: "Services without a team; their events count once an admin maps them." },
            recomputing: { type: "boolean", description: "The batch changed figures that a background job is recomputing." },
            job: {
              type: ["object", "null"],
              description: "The recompute job (batches arriving while one is queued share it); null when nothing is to recompute.",
              properties: { id: { type: "string" }, url: { type: "string", description: "`/api/v1/jobs/{id}`" } },
            },
          },
        },
        Error: {
          type: "object",
          properties: {
            error: { type: "string" },
            message: { type: "string" },
            issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
          },
        },
      },
    },
    paths: {
      "/api/v1/deployments": ingestPath("Deployment", "Send deployments"),
      "/api/v1/pull-requests": ingestPath("PullRequest", "Send pull requests with their commits and reviews"),
      "/api/v1/incidents": ingestPath("Incident", "Send incidents"),
      "/api/v1/work-items": ingestPath("WorkItem", "Send work items with their status transitions"),
      "/api/v1/jobs/{id}": {
        get: {
          summary: "A background job's state (e.g. the recompute an ingestion batch returned)",
          description: "`wait` (seconds, 0–60): answer as soon as the job is DONE or FAILED, or after that long with its state then. The job's `status` is QUEUED, RUNNING, DONE or FAILED; `error` holds the last failed run's message (kept while a retry is queued); `result` what the finished run reported.",
          security: [{ bearer: ["ingest"] }],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "wait", in: "query", required: false, schema: { type: "integer", minimum: 0, maximum: 60, default: 0 } },
          ],
          responses: { "200": { description: "OK: `{ job }`" }, "404": { description: "No such job." }, ...errorResponses },
        },
      },
      "/api/v1/delivery": readPath("DORA summary (deployment frequency, lead time, change failure rate, recovery, time to restore, rework) with DORA 2023/2024 reference bands", scoped),
      "/api/v1/delivery/deployments": readPath("Production deployments in the period with failure/rework flags and shipped changes; paged, sortable, filterable, or all matching rows as CSV", queryParameters(deploymentRowsQuery)),
      "/api/v1/delivery/changes": readPath("Changes deployed or merged in the period with coding/pickup/review/deploy minutes; paged, sortable, filterable, or all matching rows as CSV", queryParameters(changeRowsQuery)),
      "/api/v1/delivery/incidents": readPath("Incidents opened or resolved in the period with their linked deployment; paged, sortable, filterable, or all matching rows as CSV", queryParameters(incidentRowsQuery)),
      "/api/v1/flow": readPath("Flow velocity, time, efficiency, load and distribution", scoped),
      "/api/v1/flow/work-items": readPath("Work items finished in the period and in progress at its end", scoped),
      "/api/v1/pull-requests/{externalId}": readPath("One change's lead-time breakdown and the deployment that shipped it", [
        { name: "externalId", in: "path", required: true, schema: { type: "string" } },
        { name: "service", in: "query", required: true, schema: { type: "string" } },
      ]),
      "/api/v1/imports": {
        get: { summary: "The imports the caller may see: its own, every import for admins", description: OWNERSHIP, security: [{ bearer: ["read"] }], responses: { "200": { description: "OK" }, ...errorResponses } },
        post: {
          summary: "Upload a CSV (the body with ?kind=, or multipart `kind` then `file`); answers its preview, or with ?run=1 the finished import",
          description: `${OWNERSHIP} The uploaded file is deleted once the import is applied or undone, and two days after an upload that was never applied.`,
          security: [{ bearer: ["ingest"] }],
          responses: {
            "201": { description: "Stored and previewed (or run)." },
            ...errorResponses,
            "403": { description: "The token lacks the ingest scope, or the caller's role may not import this kind." },
            "413": { description: "The file is larger than 50 MB." },
            "415": { description: "Not CSV text." },
            "422": { description: "With ?run=1: the import failed; nothing was written." },
          },
        },
      },
      "/api/v1/imports/{id}": importPath("get", "read", "One import: status, progress, counts, the first rejects"),
      "/api/v1/imports/{id}/rejects": importPath("get", "read", "The rows the import skipped or refused, as CSV"),
      "/api/v1/imports/{id}/preview": importPath("post", "ingest", "Preview again with another column mapping or options"),
      "/api/v1/imports/{id}/run": importPath("post", "ingest", "Run the import as a background job (202 at once with the job id; with `wait: true` 200 with the finished import)", {
        "202": { description: "Started; poll GET /api/v1/imports/{id}." },
        "409": { description: "The import already ran." },
      }),
      "/api/v1/allocation": readPath("A team's investment allocation from work items and manager-entered percentages", [
        { name: "team", in: "query", required: true, schema: { type: "string" } },
        { name: "from", in: "query", required: false, schema: { type: "string", format: "date" } },
        { name: "to", in: "query", required: false, schema: { type: "string", format: "date" } },
      ]),
      ...connectorPaths,
    },
  };
}
