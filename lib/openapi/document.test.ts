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
});
