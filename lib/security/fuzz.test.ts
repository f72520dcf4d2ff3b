import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsvText } from "@/lib/csv/read";
import { csvReadsOrRefuses, csvText, discoverSchemaTargets, inputFor, parseRefusesCleanly } from "./fuzz-targets";

/** A deterministic sample (fixed seed, ~200 cases per target); `npm run fuzz` runs thousands with fresh seeds. */
const SAMPLE = { seed: 20_240_611, numRuns: 200 } as const;
const targets = await discoverSchemaTargets();

describe("fuzzing the API schemas", () => {
  it("finds the exported schemas of every validation module", () => {
    expect(targets.length).toBeGreaterThan(30);
    expect(targets.map((t) => t.name)).toContain("metric-values.putMetricValuesBody");
  });

  it("the property catches a schema that throws something else", () => {
    const broken = z.string().transform((s) => {
      if (s.includes("x")) throw new TypeError("boom");
      return s;
    });
    expect(() => parseRefusesCleanly(broken, "xyz")).toThrow(TypeError);
    expect(() => parseRefusesCleanly(broken, 42)).not.toThrow();
    expect(() => fc.assert(fc.property(fc.constant("xyz"), (v) => parseRefusesCleanly(broken, v)), { numRuns: 1 })).toThrow(/Property failed/);
  });

  for (const target of targets) {
    it(`${target.name} refuses arbitrary JSON with a ZodError only`, () => {
      fc.assert(fc.property(inputFor(target.schema), (input) => parseRefusesCleanly(target.schema, input)), SAMPLE);
    });
  }
});

describe("fuzzing the CSV reader", () => {
  it("reads or refuses arbitrary text with a CsvError only", () => {
    fc.assert(fc.property(csvText, csvReadsOrRefuses), SAMPLE);
  });

  it("round-trips quoted cells exactly", () => {
    const cell = fc.string({ maxLength: 15 }).filter((s) => !s.includes("\uFEFF") && s.trim() !== "");
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, "\"\"")}"`;
        const text = ["a,b", ...rows.map(([x, y]) => `${quote(x)},${quote(y)}`)].join("\n");
        try {
          expect(parseCsvText(text).rows.map((r) => r.fields)).toEqual(rows);
        } catch (error) {
          // Refusing is fine only for the reader's own reasons (e.g. a cell that is only whitespace).
          if (!(error instanceof Error) || error.name !== "CsvError") throw error;
        }
      }),
      SAMPLE,
    );
  });
});
