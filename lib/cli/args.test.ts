import { describe, expect, it } from "vitest";
import { booleanFlag, CliError, findCommand, optionalFlag, parseArgs, requireFlag, type CommandSpec } from "./args";

const TOKEN: CommandSpec = { usage: "token create --name NAME [--expires-days N]", options: { name: { type: "string" }, "expires-days": { type: "string" } } };
const IMPORT: CommandSpec = { usage: "import FILE --kind KIND [--skip-invalid]", options: { kind: { type: "string" }, "skip-invalid": { type: "boolean" } }, operands: 1 };

function thrown(step: () => unknown): CliError {
  try {
    step();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error("no CliError was thrown");
}
const refusal = (argv: string[], spec: CommandSpec) => thrown(() => parseArgs(argv, spec));

describe("parseArgs", () => {
  it("reads `--flag value` and `--flag=value` alike, keeping an = inside the value", () => {
    const spaced = parseArgs(["--name", "ci deploys", "--expires-days", "30"], TOKEN);
    const inline = parseArgs(["--name=ci deploys", "--expires-days=30"], TOKEN);
    for (const args of [spaced, inline]) {
      expect(requireFlag(args, "name")).toBe("ci deploys");
      expect(optionalFlag(args, "expires-days")).toBe("30");
    }
    expect(requireFlag(parseArgs(["--name=a=b"], TOKEN), "name")).toBe("a=b");
    expect(optionalFlag(parseArgs(["--name", "x"], TOKEN), "expires-days")).toBeUndefined();
  });

  it("reads booleans and operands in any order", () => {
    for (const argv of [["data.csv", "--kind", "teams", "--skip-invalid"], ["--skip-invalid", "data.csv", "--kind=teams"], ["--kind", "teams", "--", "data.csv"]]) {
      const args = parseArgs(argv, IMPORT);
      expect(args.positionals).toEqual(["data.csv"]);
      expect(requireFlag(args, "kind")).toBe("teams");
      expect(booleanFlag(args, "skip-invalid")).toBe(argv.includes("--skip-invalid"));
    }
  });

  it("names an unknown option and gives the command's usage", () => {
    const error = refusal(["--name", "x", "--expiry", "3"], TOKEN);
    expect(error.message).toBe("Unknown option --expiry.");
    expect(error.usage).toBe("Usage: npm run pillars -- token create --name NAME [--expires-days N]");
    expect(refusal(["-x"], TOKEN).message).toBe("Unknown option -x.");
  });

  it("refuses a missing value, including one where the next option follows", () => {
    expect(refusal(["--name"], TOKEN).message).toBe("--name needs a value.");
    expect(refusal(["--name", "--expires-days", "3"], TOKEN).message).toBe('--name needs a value. To give one that starts with "-", write --name=VALUE.');
    expect(requireFlag(parseArgs(["--name=-dash-"], TOKEN), "name")).toBe("-dash-");
  });

  it("refuses a value given to a boolean and an operand the command does not take", () => {
    expect(refusal(["data.csv", "--kind", "teams", "--skip-invalid=yes"], IMPORT).message).toBe("--skip-invalid takes no value.");
    const extra = refusal(["data.csv", "more.csv", "--kind", "teams"], IMPORT);
    expect([extra.message, extra.usage]).toEqual(['Unexpected argument "more.csv".', "Usage: npm run pillars -- import FILE --kind KIND [--skip-invalid]"]);
    expect(refusal(["stray"], TOKEN).message).toBe('Unexpected argument "stray".');
  });

  it("gives every command --help and -h", () => {
    expect(booleanFlag(parseArgs(["--help"], TOKEN), "help")).toBe(true);
    expect(booleanFlag(parseArgs(["-h"], IMPORT), "help")).toBe(true);
    expect(refusal(["--help=1"], TOKEN).message).toBe("--help takes no value.");
  });

  it("says which required option is missing, with the usage", () => {
    for (const argv of [["--expires-days", "3"], ["--name", "  "]]) {
      const error = thrown(() => requireFlag(parseArgs(argv, TOKEN), "name"));
      expect([error.message, error.usage]).toEqual(["--name is required", "Usage: npm run pillars -- token create --name NAME [--expires-days N]"]);
    }
  });
});

describe("findCommand", () => {
  const commands = { "token create": TOKEN, import: IMPORT };
  it("finds a command of one or two words, whatever follows", () => {
    expect(findCommand(commands, ["token", "create", "--name", "x"])).toEqual({ command: TOKEN, rest: ["--name", "x"] });
    expect(findCommand(commands, ["import", "create", "--kind", "teams"])).toEqual({ command: IMPORT, rest: ["create", "--kind", "teams"] });
    expect(findCommand(commands, ["token"])).toBeNull();
    expect(findCommand(commands, ["toString"])).toBeNull();
    expect(findCommand(commands, [])).toBeNull();
  });
});
