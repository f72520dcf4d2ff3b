import { describe, expect, it } from "vitest";
import { concretePath, discoverAppEntries, discoverServerActionFiles, exportedMethods, hasUseServerDirective, paramsOf, patternOf } from "./routes";

describe("route discovery", () => {
  it("turns folders into URL patterns without route groups", () => {
    expect(patternOf("(app)/surveys/[id]")).toBe("/surveys/[id]");
    expect(patternOf("(app)")).toBe("/");
    expect(patternOf("api/auth/[...nextauth]")).toBe("/api/auth/[...nextauth]");
    expect(paramsOf("/api/v1/packs/[id]/actions/[actionId]")).toEqual(["id", "actionId"]);
    expect(paramsOf("/docs/[[...slug]]")).toEqual(["slug"]);
  });

  it("fills dynamic segments with a plausible id", () => {
    expect(concretePath("/api/v1/packs/[id]/actions/[actionId]")).toBe("/api/v1/packs/does-not-exist/actions/does-not-exist");
    expect(concretePath("/api/auth/[...nextauth]", () => "session")).toBe("/api/auth/session");
  });

  it("reads the methods a route file exports in each form Next accepts", () => {
    expect(exportedMethods("export const GET = withRoute({});\nexport const DELETE = withRoute({});")).toEqual(["GET", "DELETE"]);
    expect(exportedMethods("export async function POST(request) {}")).toEqual(["POST"]);
    expect(exportedMethods("export const { GET, POST } = handlers;")).toEqual(["GET", "POST"]);
    expect(exportedMethods("const put = 1; export { put as PUT, helper };")).toEqual(["PUT"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic'; const GETTER = 1;")).toEqual([]);
  });

  it("recognises the use server directive only at the top of a module", () => {
    expect(hasUseServerDirective('"use server";\nexport async function a() {}')).toBe(true);
    expect(hasUseServerDirective("// why\n/* more */\n'use server'\n")).toBe(true);
    expect(hasUseServerDirective('export async function a() { "use server"; }')).toBe(false);
  });

  it("finds this repository's pages, handlers and actions", () => {
    const entries = discoverAppEntries();
    const signIn = entries.find((e) => e.pattern === "/sign-in" && e.kind === "page");
    expect(signIn?.file).toBe("app/(auth)/sign-in/page.tsx");
    const auth = entries.find((e) => e.pattern === "/api/auth/[...nextauth]");
    expect(auth?.methods).toEqual(["GET", "POST"]);
    expect(entries.find((e) => e.pattern === "/api/health")?.methods).toEqual(["GET"]);
    expect(entries.filter((e) => e.kind === "route").every((e) => e.methods.length > 0)).toBe(true);
    expect(discoverServerActionFiles()).toContain("app/(auth)/sign-in/actions.ts");
  });
});
