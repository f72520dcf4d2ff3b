// `npm run worker`: scripts/worker.ts under the same heap limit as the app server (scripts/heap.mjs,
// PILLARS_HEAP_MB), checked before anything else runs. SIGINT and SIGTERM sent to this process are passed on;
// the worker stops once however many it receives (a terminal's Ctrl+C reaches both processes).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { heapArgs } from "./heap.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let heap;
try {
  heap = heapArgs(process.env);
} catch (error) {
  console.error(`Error: ${error.message}`);
  process.exit(1);
}
const worker = spawn(process.execPath, [...heap, "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => worker.kill(signal));
worker.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
