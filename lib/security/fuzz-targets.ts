/**
 * Property-based fuzz targets shared by the unit suite (a small seeded sample) and `npm run fuzz` (thousands
 * of cases): every exported zod schema in lib/validation/ and the CSV reader. The property is the same for
 * all: hostile input is refused with the module's own error type (ZodError, CsvError), never anything else,
 * and never a hang (each case is bounded in size).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { z } from "zod";
import { CsvError } from "@/lib/csv/errors";
import { parseCsvText } from "@/lib/csv/read";

export interface SchemaTarget {
  name: string;
  schema: z.ZodType;
}

export function isZodSchema(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

/** Every `lib/validation/*.ts` module (tests excluded), found on disk so new schemas are fuzzed at once. */
export function validationModules(root = process.cwd()): string[] {
  const dir = path.join(root, "lib", "validation");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function discoverSchemaTargets(root = process.cwd()): Promise<SchemaTarget[]> {
  const targets: SchemaTarget[] = [];
  for (const file of validationModules(root)) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (isZodSchema(value)) targets.push({ name: `${path.basename(file, ".ts")}.${name}`, schema: value });
    }
  }
  return targets;
}

/** The keys of an object schema (also through pipes/refinements), so generated objects reach deeper checks. */
function shapeKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod?: { def?: { shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType } } })._zod?.def;
  if (def?.shape) return Object.keys(def.shape);
  if (def?.in) return shapeKeys(def.in);
  if (def?.innerType) return shapeKeys(def.innerType);
  return [];
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "2024-02-30", "9999-99-99", "__proto__", "constructor", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "\u0000", "a".repeat(5000)),
);
const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e21));

/** Arbitrary JSON, plus objects carrying the schema's own keys with hostile values. */
export function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = fc.jsonValue({ maxDepth: 4 });
  const keys = shapeKeys(schema);
  if (keys.length === 0) return fc.oneof(json, leaf, fc.array(fc.oneof(json, leaf), { maxLength: 5 }));
  const value = fc.oneof(leaf, json, fc.array(leaf, { maxLength: 4 }), fc.dictionary(hostileString, leaf, { maxKeys: 3 }));
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  return fc.oneof(json, shaped, fc.array(shaped, { maxLength: 3 }));
}

/** Throws (failing the property) when parsing fails with anything but a ZodError. */
export function parseRefusesCleanly(schema: z.ZodType, input: unknown): void {
  try {
    schema.parse(input);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
  }
}

const csvCell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("", "\"", "\"\"", "a\"b", "\r", "\n", "\r\n", ";", ",", "=1+1", "\uFEFF", "\uFFFD", "1,5", "1.234,5", "\u0000"),
);
/** CSV-ish text: rows of cells joined with a delimiter, sometimes quoted, sometimes ragged, sometimes raw noise. */
export const csvText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc
    .tuple(fc.constantFrom(",", ";", "\t"), fc.array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.constantFrom("\n", "\r\n", "\r"))
    .map(([sep, rows, quote, eol]) => rows.map((r) => r.map((c) => (quote ? `"${c.replace(/"/g, "\"\"")}"` : c)).join(sep)).join(eol)),
);

/** Throws when the CSV reader fails with anything but a CsvError, or returns rows that do not match the header. */
export function csvReadsOrRefuses(text: string): void {
  try {
    const table = parseCsvText(text, { maxFieldLength: 1000, maxRecordLength: 5000, maxRows: 1000 });
    if (!Array.isArray(table.header) || table.header.length === 0) throw new Error("a parsed table without a header");
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
  }
}
