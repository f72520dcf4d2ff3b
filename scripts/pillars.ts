/**
 * The self-hoster's CLI: `npm run pillars -- <command>`. Prints what it did; exits 1 with a clear message
 * on a mistake. On the embedded database it takes the data-folder lock, so stop the server first.
 */
import { CliError } from "@/lib/cli/args";
import { runCommand, usage } from "@/lib/cli/commands";
import { closeDb } from "@/lib/server/db";

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    console.log(usage());
    return 0;
  }
  try {
    for (const line of await runCommand(argv)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof CliError) console.error(`Error: ${error.message}${error.usage ? `\n${error.usage}` : ""}`);
    else if (error instanceof Error && error.name === "ZodError") console.error(`Error: ${JSON.parse(error.message)[0]?.message ?? error.message}`);
    else console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
