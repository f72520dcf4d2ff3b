// Generates the Prisma client offline: the CLI insists on a schema engine binary even for `generate`,
// which needs none, and would otherwise try to download one.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(root, "scripts", "no-schema-engine.mjs");
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
