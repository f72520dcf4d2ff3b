/**
 * `npm run fuzz`: the property-based fuzz targets of lib/security/fuzz-targets.ts with thousands of cases each
 * and a fresh seed (printed, so a failure can be replayed with FUZZ_SEED=<seed>). FUZZ_RUNS sets the count.
 */
import fc from "fast-check";
import { csvReadsOrRefuses, csvText, discoverSchemaTargets, inputFor, parseRefusesCleanly } from "@/lib/security/fuzz-targets";

const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

async function main(): Promise<number> {
  console.log(`Fuzzing with seed ${seed}, ${numRuns} cases per target.`);
  const targets = await discoverSchemaTargets();
  const checks: { name: string; run: () => void }[] = [
    ...targets.map((t) => ({ name: `schema ${t.name}`, run: () => fc.assert(fc.property(inputFor(t.schema), (v) => parseRefusesCleanly(t.schema, v)), { seed, numRuns }) })),
    { name: "CSV reader", run: () => fc.assert(fc.property(csvText, csvReadsOrRefuses), { seed, numRuns: numRuns * 4 }) },
  ];
  let failed = 0;
  for (const check of checks) {
    const started = Date.now();
    try {
      check.run();
      console.log(`  ok    ${check.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  FAIL  ${check.name}\n${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${checks.length - failed} of ${checks.length} targets held.`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
