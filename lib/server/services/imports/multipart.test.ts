import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/server/errors";
import { FIELD_BYTES, MAX_FIELDS, MAX_PARTS, readUploadForm, type UploadedFile } from "./multipart";

const B = "XyZ";
const CONTENT_TYPE = `multipart/form-data; boundary=${B}`;
const encoder = new TextEncoder();
const tooLarge = () => new HttpError(413, "too_large", "The file is over the limit.");
const OPTIONS = { maxFileBytes: 1024, tooLarge };

const field = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (content: string, name = "file", fileName = "values.csv") =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`;
const END = `--${B}--\r\n`;
const CSV = "team,metric,week,value\r\npayments,escaped_defects,2026-W07,3\r\n";

/** A request body handed out `size` bytes at a time, counting what was pulled and whether it was cancelled. */
function body(text: string | Uint8Array, size = 4096) {
  const bytes = typeof text === "string" ? encoder.encode(text) : text;
  const seen = { pulled: 0, cancelled: false };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
        seen.pulled++;
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

async function readAll(file: UploadedFile): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.bytes) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads the form, keeping what the consumer saw and how its read ended. */
async function upload(text: string | Uint8Array, options = OPTIONS, contentType = CONTENT_TYPE) {
  const { stream, seen } = body(text);
  let read: { fields: Record<string, string>; fileName: string | null; contentType: string | null } | null = null;
  let readError: unknown = null;
  const result = readUploadForm(contentType, stream, options, async (file) => {
    read = { fields: Object.fromEntries(file.fields), fileName: file.fileName, contentType: file.contentType };
    try {
      return await readAll(file);
    } catch (error) {
      readError = error;
      throw error;
    }
  });
  return { result, seen, read: () => read, readError: () => readError };
}

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("readUploadForm", () => {
  it("hands the fields before the file and the file's bytes, whatever the network chunk size", async () => {
    const form = `preamble\r\n${field("kind", "metric-values")}${filePart(CSV)}${END}`;
    for (const size of [1, 3, 7, 64, 4096]) {
      const { stream } = body(form, size);
      let seen: unknown = null;
      const text = await readUploadForm(CONTENT_TYPE, stream, OPTIONS, async (file) => {
        seen = { fields: Object.fromEntries(file.fields), fileName: file.fileName, contentType: file.contentType };
        return readAll(file);
      });
      expect(text).toBe(CSV);
      expect(seen).toEqual({ fields: { kind: "metric-values" }, fileName: "values.csv", contentType: "text/csv" });
    }
  });

  it("reads a UTF-8 file name and drops any path a browser sends with it", async () => {
    const upload1 = await upload(`${filePart(CSV, "file", "C:\\fakepath\\Équipes – 2026.csv")}${END}`);
    await upload1.result;
    expect(upload1.read()!.fileName).toBe("Équipes – 2026.csv");
  });

  it("refuses a truncated form, failing the file's read", async () => {
    const form = `${field("kind", "metric-values")}${filePart(CSV)}${END}`;
    const truncated = await upload(form.slice(0, form.indexOf("payments")));
    expect((await refusal(truncated.result)).message).toBe("The upload ended early (the form is not closed).");
    expect(truncated.readError()).toBeInstanceOf(HttpError);
    const unclosed = await upload(form.slice(0, form.indexOf(END)));
    expect((await refusal(unclosed.result)).status).toBe(400);
  });

  it("refuses a second file part after the whole first file was read: the consumer's read fails, so nothing is kept", async () => {
    const twice = await upload(`${field("kind", "metric-values")}${filePart(CSV)}${filePart(CSV, "file", "again.csv")}${END}`);
    const error = await refusal(twice.result);
    expect([error.status, error.message]).toEqual([400, "The form has more than one file. Send one CSV file per upload."]);
    expect(twice.readError()).toBe(error);
  });

  it("refuses a file part under another name and a file sent as a plain field", async () => {
    const other = await upload(`${filePart(CSV, "attachment")}${END}`);
    expect((await refusal(other.result)).message).toMatch(/file part named "attachment"; send the CSV as the `file` part/);
    expect(other.read()).toBeNull();
    const plain = await upload(`${field("file", CSV)}${END}`);
    expect((await refusal(plain.result)).message).toMatch(/The `file` part has no file name/);
  });

  it(`refuses more than ${MAX_FIELDS} fields, a field over ${FIELD_BYTES} bytes and more than ${MAX_PARTS} parts, before the file is handed out`, async () => {
    const fields = await upload(`${Array.from({ length: MAX_FIELDS + 1 }, (_, i) => field(`f${i}`, "x")).join("")}${filePart(CSV)}${END}`);
    expect((await refusal(fields.result)).message).toBe(`The form has more than ${MAX_FIELDS} fields. Send only \`kind\` and the \`file\` part.`);
    const long = await upload(`${field("kind", "k".repeat(FIELD_BYTES + 1))}${filePart(CSV)}${END}`);
    expect((await refusal(long.result)).message).toBe(`The form field "kind" is longer than ${FIELD_BYTES} bytes.`);
    // Parts without a form-data disposition are no field and no file; only the part count stops them.
    const padding = `--${B}\r\nContent-Type: text/plain\r\n\r\nx\r\n`.repeat(MAX_PARTS + 1);
    const parts = await upload(`${padding}${filePart(CSV)}${END}`);
    expect((await refusal(parts.result)).message).toBe(`The form has more than ${MAX_PARTS} parts. Send only \`kind\` and the \`file\` part.`);
    for (const u of [fields, long, parts]) expect(u.read()).toBeNull();
  });

  it("takes exactly the limits: the most fields and parts allowed, a file of exactly the maximum size", async () => {
    const fields = Array.from({ length: MAX_FIELDS }, (_, i) => field(`f${i}`, "v".repeat(FIELD_BYTES))).join("");
    const exact = "x".repeat(OPTIONS.maxFileBytes);
    expect(await (await upload(`${fields}${filePart(exact)}${END}`)).result).toBe(exact);
  });

  it("refuses a file over the size limit with the caller's error, failing the file's read", async () => {
    const big = await upload(`${filePart("x".repeat(OPTIONS.maxFileBytes + 1))}${END}`);
    const error = await refusal(big.result);
    expect([error.status, error.message]).toEqual([413, "The file is over the limit."]);
    expect(big.readError()).toBe(error);
  });

  it("refuses a part header block over 16 KB, a form without a file part and a content type without a boundary", async () => {
    const header = await upload(`--${B}\r\nContent-Disposition: form-data; name="kind"\r\nX-Padding: ${"p".repeat(17 * 1024)}\r\n\r\nx\r\n${END}`);
    expect((await refusal(header.result)).message).toBe("A form part's headers are malformed or longer than 16 KB.");
    const noFile = await upload(`${field("kind", "metric-values")}${END}`);
    expect((await refusal(noFile.result)).message).toBe("The form has no `file` part.");
    const noBoundary = await upload(`${filePart(CSV)}${END}`, OPTIONS, "multipart/form-data");
    expect((await refusal(noBoundary.result)).message).toBe("The multipart/form-data content type has no boundary.");
  });

  it("stops reading the body when the consumer refuses the file", async () => {
    const { stream, seen } = body(`${filePart("y".repeat(1000))}${END}`, 10);
    const refused = readUploadForm(CONTENT_TYPE, stream, OPTIONS, async (file) => {
      for await (const chunk of file.bytes) if (chunk.length) throw new HttpError(415, "not_csv", "Not a CSV file.");
      return null;
    });
    expect((await refusal(refused)).status).toBe(415);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(20);
  });

  it("reads the body only as fast as the consumer reads the file", async () => {
    const size = 64 * 1024;
    const { stream, seen } = body(`${filePart("z".repeat(160 * size))}${END}`, size);
    let pulledWhileWaiting = 0;
    const text = readUploadForm(CONTENT_TYPE, stream, { maxFileBytes: 200 * size, tooLarge }, async (file) => {
      let bytes = 0;
      for await (const chunk of file.bytes) {
        if (bytes === 0) {
          // Let every stream in between fill up while the first chunk is being "stored".
          for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
          pulledWhileWaiting = seen.pulled;
        }
        bytes += chunk.length;
      }
      return bytes;
    });
    expect(await text).toBe(160 * size);
    expect(pulledWhileWaiting).toBeGreaterThan(0);
    expect(pulledWhileWaiting).toBeLessThan(16);
  });
});
