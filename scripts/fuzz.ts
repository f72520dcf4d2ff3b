/**
 * `npm run fuzz`: the property-based fuzz targets of lib/security/fuzz-targets.ts with thousands of cases each
 * and a fresh seed (printed, so a failure can be replayed with FUZZ_SEED=<seed>). FUZZ_RUNS sets the count.
 * Then the ingestion API and webhooks over real HTTP (lib/security/http-fuzz.int.test.ts, on an in-memory
 * database through the integration suite's setup): HTTP_FUZZ_RUNS cases per route (default 250; 12 routes).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
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
  const httpRuns = Number(process.env.HTTP_FUZZ_RUNS ?? 250);
  console.log(`  …  ingestion API and webhooks over HTTP, ${httpRuns} cases per route`);
  const vitest = path.join(process.cwd(), "node_modules", ".bin", "vitest");
  const http = spawnSync(vitest, ["run", "--project", "int", "lib/security/http-fuzz.int.test.ts"], {
    stdio: "inherit",
    env: { ...process.env, FUZZ_SEED: String(seed), HTTP_FUZZ_RUNS: String(httpRuns) },
  });
  if (http.status !== 0) failed++;
  const total = checks.length + 1;
  console.log(`${total - failed} of ${total} target groups held.`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
