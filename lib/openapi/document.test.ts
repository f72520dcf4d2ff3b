import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

describe("OpenAPI document", () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { security?: unknown; parameters?: { name: string }[] }>>;
    components: { schemas: Record<string, { required?: string[]; properties?: Record<string, { enum?: string[]; format?: string }> }> };
  };

  it("is OpenAPI 3.1 and covers the ingestion and read endpoints", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/v1/deployments", "/api/v1/pull-requests", "/api/v1/incidents", "/api/v1/work-items"]) {
      expect(doc.paths[path].post.security).toEqual([{ bearer: ["ingest"] }]);
    }
    expect(doc.paths["/api/v1/delivery"].get.parameters?.map((p) => p.name)).toEqual(["team", "group", "service", "from", "to", "location", "sourcing", "origin"]);
  });

  it("describes the ingestion fields from the validation schemas", () => {
    const deployment = doc.components.schemas.Deployment;
    expect(deployment.required).toEqual(["externalId", "service", "environment", "status", "finishedAt", "commitSha"]);
    expect(deployment.properties?.status.enum).toEqual(["success", "failure"]);
    expect(deployment.properties?.finishedAt.format).toBe("date-time");
    expect(doc.components.schemas.WorkItem.properties?.type.enum).toEqual(["feature", "defect", "risk", "debt"]);
  });

  it("describes Admin → Connectors for an admin's session, with the provider options and a write-only token", () => {
    expect(Object.keys(doc.paths["/api/v1/admin/connectors"])).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/admin/connectors/{id}"])).toEqual(["patch", "delete"]);
    expect(doc.paths["/api/v1/admin/connectors/{id}/sync"].post.security).toEqual([{ session: [] }]);
    const create = doc.components.schemas.ConnectorCreate;
    expect(create.required).toEqual(expect.arrayContaining(["provider", "name", "token"]));
    expect(create.properties?.provider.enum).toEqual(["github", "gitlab", "jira", "pagerduty"]);
    expect(doc.components.schemas.ConnectorSync.properties?.since.format).toBe("date");
    const described = JSON.stringify(doc.paths["/api/v1/admin/connectors"]);
    expect(described).toContain("`repos` (list, required)");
  });
});
