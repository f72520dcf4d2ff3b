// `npm start` (and `npm run dev` with --dev): prepares everything a first run needs, then serves Pillars.
//  1. AUTH_SECRET: generated once into .data/auth-secret when not configured.
//  2. Migrations (embedded database or DATABASE_URL), and the demo organisation when the database is empty.
//  3. A production build when there is none or the sources changed since it was made.
//  4. scripts/serve.mjs (or `next dev`) on HOST (default 127.0.0.1, loopback only) and PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { heapArgs } from "./heap.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
// Loopback unless asked: the demo's published passwords are only created on a server nobody else can reach
// (lib/server/demo-passwords.ts reads HOST); serving others takes HOST=0.0.0.0 or an interface's address.
env.HOST = env.HOST || "127.0.0.1";
const host = env.HOST;
const distDir = env.PILLARS_DIST_DIR || ".next";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function step(label) {
  console.log(`\n▸ ${label}`);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✖ ${[path.basename(cmd), ...args].join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

// The server's heap limit (scripts/heap.mjs), checked before anything else runs.
let serverHeap;
try {
  serverHeap = heapArgs(env);
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exit(1);
}

// 1. Session secret
if (!env.AUTH_SECRET) {
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`Generated a session secret in ${path.relative(root, file)}.`);
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

// 2. Database
step(env.DATABASE_URL ? "Migrating PostgreSQL (DATABASE_URL)" : `Migrating the embedded database (${env.PILLARS_DATA_DIR || ".data/pillars"})`);
const cli = [bin("tsx"), ["--conditions=react-server", "scripts/pillars.ts"]];
run(cli[0], [...cli[1], "migrate"]);
if (env.PILLARS_SKIP_DEMO !== "1") {
  step("Demo organisation");
  run(cli[0], [...cli[1], "seed", "--demo", "--if-empty"]);
}

// 3. Build when needed
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
if (!dev) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const sources = ["app", "components", "lib", "public", "prisma"].filter((d) => fs.existsSync(d)).map((d) => newestSource(path.join(root, d)));
  const configs = ["next.config.js", "package.json", "proxy.ts"].filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs);
  const stale = !fs.existsSync(buildId) || Math.max(...sources, ...configs) > fs.statSync(buildId).mtimeMs;
  if (stale) {
    step("Building (first start or sources changed; takes a minute or two)");
    run(bin("next"), ["build"]);
  }
}

// 4. Serve
step(`Serving on http://${host.includes(":") ? `[${host}]` : host}:${port}`);
// Production runs scripts/serve.mjs (Next.js plus the client's socket address in X-Forwarded-For).
const server = dev
  ? spawn(bin("next"), ["dev", "-p", port, "-H", host], { stdio: "inherit", env })
  : spawn(process.execPath, [...serverHeap, "scripts/serve.mjs", "-p", port, "-H", host], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
