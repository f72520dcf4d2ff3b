import { benchImport } from "./import";
import { closeDb } from "@/lib/server/db";
const rows = Number(process.argv[2] ?? 100000);
benchImport({ rows, log: (l) => console.log(l) }).then(async (r) => { console.log(JSON.stringify(r)); await closeDb(); process.exit(0); }, async (e) => { console.error(e); await closeDb(); process.exit(1); });
