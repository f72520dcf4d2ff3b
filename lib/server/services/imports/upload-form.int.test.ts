import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postImport } from "@/app/api/v1/imports/route";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";
import { FIELD_BYTES, MAX_FIELDS, MAX_PARTS } from "./multipart";
import { DRY_RUN_MAX_ROWS } from "./run";

// The route imports the session reader (Auth.js needs the Next.js runtime); these requests use an API token.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * The import page's upload (`multipart/form-data`: `kind`, then `file`) over real HTTP. A form within the
 * limits is stored chunk by chunk; one that breaks a limit is a 400 naming it and leaves nothing behind,
 * even when it breaks it after a whole valid file was already stored.
 */
let host: HttpHost;
let token = "";

beforeAll(async () => {
  host = await serveRoutes({ "POST /api/v1/imports": postImport });
  token = (await createApiToken({ name: "form uploads", scopes: ["ingest"] })).token;
});
afterAll(() => host.close());

const BOUNDARY = "----pillars-form-4f2a";
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const file = (content: string, fileName = "groups.csv") =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`;
const END = `--${BOUNDARY}--\r\n`;

/** About 1.5 MB of valid groups: more than one stored chunk. */
const GROUPS = `slug,name,parent\n${Array.from({ length: 56_000 }, (_, i) => `g${i},Group ${i},\n`).join("")}`;

async function post(form: string) {
  const response = await fetch(`${host.url}/api/v1/imports`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as { message?: string; preview?: { importId: string; totalRows: number; applyCheckedRows: number | null } } };
}

const stored = async () => ({ imports: await db.import.count(), chunks: await db.importChunk.count(), groups: await db.group.count(), audit: await db.auditLog.count() });

describe("multipart uploads to POST /api/v1/imports", () => {
  it("stores a form's file as it arrives, under its UTF-8 name", async () => {
    const answer = await post(`${field("kind", "groups")}${file(GROUPS, "Gruppen – Q3.csv")}${END}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.preview?.totalRows).toBe(56_000);
    // A large file is checked by applying its first rows (then rolled back); the rest as they are read.
    expect(answer.body.preview?.applyCheckedRows).toBe(DRY_RUN_MAX_ROWS);
    const row = await db.import.findUniqueOrThrow({ where: { id: answer.body.preview!.importId }, select: { fileName: true, fileSize: true } });
    expect(row).toEqual({ fileName: "Gruppen – Q3.csv", fileSize: Buffer.byteLength(GROUPS) });
    expect(await db.importChunk.count({ where: { importId: answer.body.preview!.importId } })).toBe(2);
    // A 56,000-row upload and its 20,000-row dry run: about 20 s on the embedded database of a 2-core machine.
  }, 180_000);

  const refused: { name: string; form: () => string; message: string }[] = [
    { name: "a second file part after a whole valid file", form: () => `${field("kind", "groups")}${file(GROUPS)}${file("slug,name,parent\nx,X,\n", "more.csv")}${END}`, message: "The form has more than one file. Send one CSV file per upload." },
    {
      name: "too many fields",
      form: () => `${Array.from({ length: MAX_FIELDS + 1 }, (_, i) => field(i === 0 ? "kind" : `extra${i}`, "groups")).join("")}${file(GROUPS)}${END}`,
      message: `The form has more than ${MAX_FIELDS} fields. Send only \`kind\` and the \`file\` part.`,
    },
    {
      name: "too many parts (parts that are neither field nor file)",
      form: () => `${field("kind", "groups")}${`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\npadding\r\n`.repeat(MAX_PARTS)}${file(GROUPS)}${END}`,
      message: `The form has more than ${MAX_PARTS} parts. Send only \`kind\` and the \`file\` part.`,
    },
    { name: "a field over its limit", form: () => `${field("kind", "g".repeat(FIELD_BYTES + 1))}${file(GROUPS)}${END}`, message: `The form field "kind" is longer than ${FIELD_BYTES} bytes.` },
    { name: "a form that ends inside its file", form: () => `${field("kind", "groups")}${file(GROUPS)}`.slice(0, -100), message: "The upload ended early (the form is not closed)." },
    { name: "a file before its kind", form: () => `${file(GROUPS)}${field("kind", "groups")}${END}`, message: "Send the `kind` field before the `file` part (or as ?kind=)." },
  ];

  for (const c of refused) {
    it(`${c.name}: 400 with a clear message, nothing written`, async () => {
      const before = await stored();
      const answer = await post(c.form());
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.message).toBe(c.message);
      expect(await stored()).toEqual(before);
    });
  }
});
