import http from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postImport } from "@/app/api/v1/imports/route";
import { POST as postRoster } from "@/app/api/v1/people/import/route";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { MAX_IMPORT_BYTES } from "@/lib/server/services/imports/storage";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

// The routes import the session reader (Auth.js needs the Next.js runtime); these requests use API tokens.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * Hostile uploads through the real HTTP endpoints (the import upload and the roster upload): archives
 * renamed .csv, a 20 MB line without a newline, files over the size limit, wrong content types, NUL
 * bytes and invalid UTF-8. Each is refused with a 4xx whose message names the problem, and nothing is
 * written: no import, no stored chunk, no value, no person, no audit entry. (That the long line is refused
 * after about the row limit, not held whole, is proven in lib/csv/bounded.test.ts.)
 */
let host: HttpHost;
let token = "";

beforeAll(async () => {
  host = await serveRoutes({ "POST /api/v1/imports": postImport, "POST /api/v1/people/import": postRoster });
  token = (await createApiToken({ name: "uploads", scopes: ["ingest"] })).token;
});
afterAll(() => host.close());

const counts = async () => ({
  imports: await db.import.count(),
  chunks: await db.importChunk.count(),
  values: await db.metricValue.count(),
  groups: await db.group.count(),
  people: await db.person.count(),
  audit: await db.auditLog.count(),
});

interface Sent {
  status: number;
  body: { error?: string; message?: string; errors?: { message: string }[] };
}

/** Sends `chunks` (streamed, with back-pressure) and reads the JSON answer. */
function send(path: string, headers: Record<string, string | number>, chunks: Iterable<Uint8Array>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${host.url}${path}`, { method: "POST", agent: false, headers: { authorization: `Bearer ${token}`, ...headers } }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (d: Buffer) => parts.push(d));
      response.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          reject(new Error(`not JSON (${response.statusCode}): ${text.slice(0, 200)}`));
        }
      });
    });
    // The server may answer and stop reading before the whole body is sent; that is the point.
    request.on("error", (error) => ((error as NodeJS.ErrnoException).code === "EPIPE" ? undefined : reject(error)));
    const iterator = chunks[Symbol.iterator]();
    const pump = () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        if (!request.write(next.value)) {
          request.once("drain", pump);
          return;
        }
      }
      request.end();
    };
    pump();
  });
}

const text = (s: string) => new TextEncoder().encode(s);

function multipart(file: Uint8Array, options: { fileName?: string; contentType?: string; kind?: string } = {}) {
  const boundary = "----pillars-abuse-7d1e";
  const head = text(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${options.kind ?? "metric-values"}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? "values.csv"}"\r\nContent-Type: ${options.contentType ?? "text/csv"}\r\n\r\n`,
  );
  const tail = text(`\r\n--${boundary}--\r\n`);
  return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, chunks: [head, file, tail] };
}

/** `total` bytes of `x` with no newline, after a valid header line, handed out 1 MB at a time. */
function* longLine(total: number, header = "team,metric,week,value,note\n"): Generator<Uint8Array> {
  yield text(header);
  const block = new Uint8Array(1024 * 1024).fill(0x78);
  for (let sent = 0; sent < total; sent += block.length) yield block.subarray(0, Math.min(block.length, total - sent));
}

/** Well-formed rows, `total` bytes of them: only the size is wrong. */
function* manyRows(total: number): Generator<Uint8Array> {
  yield text("team,metric,week,value\n");
  const row = "payments,deployments,2025-01-06,3\n";
  const block = text(row.repeat(Math.floor((1024 * 1024) / row.length)));
  for (let sent = 0; sent < total; sent += block.length) yield block;
}

function zipBomb(): Uint8Array {
  // A local file header (PK\3\4) followed by a deflated run of zeros: the shape of a zip bomb.
  const payload = gzipSync(new Uint8Array(20 * 1024 * 1024)).subarray(10);
  return new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, ...payload.subarray(0, 4096)]);
}

const GZIP_BOMB = gzipSync(new Uint8Array(50 * 1024 * 1024));
const VALID = "team,metric,week,value\npayments,deployments,2025-01-06,3\n";
const NUL = new Uint8Array([...text(VALID), 0x00, ...text("more\n")]);
const LATIN1 = new Uint8Array([...text("team,metric,week,value,note\npayments,deployments,2025-01-06,3,caf"), 0xe9, 0x0a]);

describe("abusive uploads to POST /api/v1/imports", () => {
  const cases: { name: string; request: () => { path?: string; headers: Record<string, string | number>; chunks: Iterable<Uint8Array> }; status: number; message: RegExp }[] = [
    { name: "a gzip bomb renamed .csv", request: () => multipart(GZIP_BOMB, { fileName: "values.csv", contentType: "text/csv" }), status: 415, message: /gzip-compressed file, not a CSV file/ },
    { name: "a zip bomb renamed .csv, as the raw body", request: () => ({ headers: { "content-type": "text/csv" }, chunks: [zipBomb()] }), status: 415, message: /zip archive/ },
    { name: "a 20 MB line without a newline", request: () => ({ headers: { "content-type": "text/csv" }, chunks: longLine(20 * 1024 * 1024) }), status: 422, message: /Line 2\b.*longer than/ },
    { name: "a 20 MB header line", request: () => ({ headers: { "content-type": "text/csv" }, chunks: longLine(20 * 1024 * 1024, "") }), status: 422, message: /Line 1\b.*longer than/ },
    { name: "NUL bytes", request: () => multipart(NUL), status: 415, message: /binary data \(a NUL byte/ },
    { name: "invalid UTF-8", request: () => ({ headers: { "content-type": "text/csv" }, chunks: [LATIN1] }), status: 415, message: /not valid UTF-8/ },
    { name: "a JSON body", request: () => ({ headers: { "content-type": "application/json" }, chunks: [text(JSON.stringify({ rows: [] }))] }), status: 415, message: /not application\/json/ },
    { name: "a file part that says it is a zip", request: () => multipart(text(VALID), { contentType: "application/zip" }), status: 415, message: /not application\/zip/ },
    { name: "a spreadsheet by name", request: () => multipart(text(VALID), { fileName: "values.xlsx" }), status: 415, message: /"values.xlsx" is not a CSV file/ },
    {
      name: "a declared size over the limit (refused before the body is read)",
      request: () => ({ headers: { "content-type": "text/csv", "content-length": MAX_IMPORT_BYTES + 1024 * 1024 }, chunks: [text(VALID)] }),
      status: 413,
      message: /larger than the 50 MB limit/,
    },
    {
      name: "an undeclared (chunked) body over the limit",
      request: () => ({ headers: { "content-type": "text/csv", "transfer-encoding": "chunked" }, chunks: manyRows(MAX_IMPORT_BYTES + 1024 * 1024) }),
      status: 413,
      message: /larger than the 50 MB limit/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.status} with a clear message, nothing written`, async () => {
      const before = await counts();
      const { path = "/api/v1/imports?kind=metric-values&fileName=values.csv", headers, chunks } = c.request();
      const answer = await send(path, headers, chunks);
      expect(answer.status, JSON.stringify(answer.body)).toBe(c.status);
      expect(answer.body.message).toMatch(c.message);
      expect(await counts()).toEqual(before);
    }, 120_000);
  }

  it("a valid file still uploads through the same path (the harness is not refusing everything)", async () => {
    const answer = await send("/api/v1/imports?kind=groups&fileName=groups.csv", { "content-type": "text/csv" }, [text("slug,name,parent\nproduct,Product,\n")]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  });
});

describe("abusive uploads to POST /api/v1/people/import", () => {
  const cases: { name: string; headers: Record<string, string | number>; chunks: () => Iterable<Uint8Array>; status: number; message: RegExp }[] = [
    { name: "a gzip bomb", headers: { "content-type": "text/csv" }, chunks: () => [GZIP_BOMB], status: 400, message: /gzip-compressed file, not a CSV file/ },
    { name: "a zip bomb", headers: { "content-type": "text/csv" }, chunks: () => [zipBomb()], status: 400, message: /zip archive/ },
    { name: "a 20 MB line without a newline", headers: { "content-type": "text/csv" }, chunks: () => longLine(20 * 1024 * 1024, "employee_id,team,hire_date\n"), status: 400, message: /Line 2\b.*longer than/ },
    { name: "NUL bytes", headers: { "content-type": "text/csv" }, chunks: () => [new Uint8Array([...text("employee_id,team,hire_date\nE1,payments,2024-01-01\n"), 0x00])], status: 400, message: /binary data \(a NUL byte/ },
    { name: "invalid UTF-8", headers: { "content-type": "text/csv" }, chunks: () => [new Uint8Array([...text("employee_id,team,hire_date\nE1,caf"), 0xe9, 0x0a])], status: 400, message: /not valid UTF-8/ },
    { name: "a multipart form", headers: { "content-type": "multipart/form-data; boundary=x" }, chunks: () => [text("--x--\r\n")], status: 415, message: /Send the CSV as text\/csv, not multipart\/form-data/ },
    { name: "an image", headers: { "content-type": "image/png" }, chunks: () => [new Uint8Array([0x89, 0x50, 0x4e, 0x47])], status: 415, message: /not image\/png/ },
    { name: "a declared size over the limit", headers: { "content-type": "text/csv", "content-length": 60 * 1024 * 1024 }, chunks: () => [text("employee_id\n")], status: 413, message: /larger than the 50 MB limit/ },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.status} with a clear message, nothing written`, async () => {
      const before = await counts();
      const answer = await send("/api/v1/people/import?dryRun=0", c.headers, c.chunks());
      expect(answer.status, JSON.stringify(answer.body)).toBe(c.status);
      expect(answer.body.message ?? answer.body.errors?.map((e) => e.message).join(" ")).toMatch(c.message);
      expect(await counts()).toEqual(before);
    }, 120_000);
  }
});
