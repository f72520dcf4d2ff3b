import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every page file under app/, found on disk so a new page is checked without being listed here. */
function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

describe("page titles", () => {
  const root = path.resolve(import.meta.dirname);
  const pages = pageFiles(root);

  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages.map((p) => [path.relative(root, p)]))("%s names itself in the browser tab", (relative) => {
    const source = readFileSync(path.join(root, relative), "utf8");
    const title = /export const metadata[^=]*=\s*\{[^}]*title:\s*"([^"]+)"/.exec(source)?.[1];
    const generated = /export (async )?function generateMetadata/.test(source);
    expect(generated || (title !== undefined && title !== "Pillars"), `${relative} has no title of its own`).toBe(true);
  });
});
