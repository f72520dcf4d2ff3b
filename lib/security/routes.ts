/**
 * Finds every page, route handler and server action in the `app/` tree, so the security tests cover new
 * features the day they land instead of relying on a hand-written list that silently rots.
 * Node-only (reads the file system); used by the unit tests and the end-to-end crawl.
 */
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

export interface AppEntry {
  kind: "page" | "route";
  /** Path of the file from the repository root, e.g. `app/api/v1/teams/[id]/route.ts`. */
  file: string;
  /** URL pattern with Next's segment syntax, route groups removed: `/api/v1/teams/[id]`. */
  pattern: string;
  /** Names of the dynamic segments in order, e.g. `["id"]`. */
  params: string[];
  /** Handler methods a route file exports (pages: empty). */
  methods: HttpMethod[];
}

const PAGE_FILE = /^page\.(tsx|ts|jsx|js)$/;
const ROUTE_FILE = /^route\.(ts|js)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Private folders (`_x`) and parallel-route slots (`@x`) never become URL segments of their own.
      if (entry.name.startsWith("_") || entry.name.startsWith("@") || entry.name === "node_modules") continue;
      walk(full, out);
    } else if (PAGE_FILE.test(entry.name) || ROUTE_FILE.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** `app/(app)/surveys/[id]/page.tsx` → `/surveys/[id]`. */
export function patternOf(relativeDir: string): string {
  const segments = relativeDir.split(/[\\/]/).filter((s) => s && s !== "." && !/^\(.+\)$/.test(s));
  return `/${segments.join("/")}`;
}

export function paramsOf(pattern: string): string[] {
  return [...pattern.matchAll(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g)].map((m) => m[1]!);
}

/** The HTTP methods a route file exports, in any of the forms Next accepts. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  const names = HTTP_METHODS.join("|");
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|let|var|async\\s+function|function)\\s+(${names})\\b`, "g"))) found.add(m[1] as HttpMethod);
  for (const m of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}\s*=/g)) {
    for (const name of m[1]!.split(",").map((s) => s.trim().split(/\s*:\s*/).pop()!)) {
      if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!;
      if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function discoverAppEntries(root = process.cwd()): AppEntry[] {
  const appDir = path.join(root, "app");
  return walk(appDir)
    .map((full): AppEntry => {
      const name = path.basename(full);
      const kind = PAGE_FILE.test(name) ? "page" : "route";
      const pattern = patternOf(path.relative(appDir, path.dirname(full)));
      return {
        kind,
        file: path.relative(root, full).split(path.sep).join("/"),
        pattern,
        params: paramsOf(pattern),
        methods: kind === "route" ? exportedMethods(fs.readFileSync(full, "utf8")) : [],
      };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern) || a.kind.localeCompare(b.kind));
}

/** A concrete URL for a pattern: each dynamic segment filled by `fill(name)` (default: an id that exists nowhere). */
export function concretePath(pattern: string, fill: (param: string) => string = () => "does-not-exist"): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_all, name: string) => encodeURIComponent(fill(name)));
}

/** Files under `app/` (and `components/`, `lib/`) whose module starts with the "use server" directive. */
export function discoverServerActionFiles(root = process.cwd(), dirs = ["app", "components", "lib"]): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") visit(full);
      } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        if (hasUseServerDirective(fs.readFileSync(full, "utf8"))) out.push(path.relative(root, full).split(path.sep).join("/"));
      }
    }
  };
  for (const d of dirs) visit(path.join(root, d));
  return out.sort();
}

/** True when the module's first statement is "use server" (comments and blank lines before it allowed). */
export function hasUseServerDirective(source: string): boolean {
  const stripped = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(stripped);
}
