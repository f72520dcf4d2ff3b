/**
 * The self-hoster's CLI: `npm run pillars -- <command>`. Prints what it did; exits 1 with a clear message
 * on a mistake. On the embedded database it takes the data-folder lock, so stop the server first.
 */
import { CliError, parseArgs } from "@/lib/cli/args";
import { COMMANDS } from "@/lib/cli/commands";
import { closeDb } from "@/lib/server/db";

function usage(): string {
  return ["Usage: npm run pillars -- <command>", "", ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [first, second] = args.positionals;
  const entry = COMMANDS[`${first} ${second}`] ?? COMMANDS[first ?? ""];
  if (!entry || args.flags.help) {
    console.log(usage());
    return entry || !first ? 0 : 1;
  }
  try {
    for (const line of await entry.run(args)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof CliError) console.error(`Error: ${error.message}`);
    else if (error instanceof Error && error.name === "ZodError") console.error(`Error: ${JSON.parse(error.message)[0]?.message ?? error.message}`);
    else console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
