import { parseClipboardBlock } from "@/lib/entry/paste";
import { formatDate } from "@/lib/format/dates";

/**
 * The invitation email and the address list it goes to — pure, shared by the "Email links" form (preview,
 * parsing what was pasted or uploaded) and the server that sends it.
 */

export interface InvitationEmailInput {
  surveyTitle: string;
  teamName: string;
  url: string;
  opensOn: string;
  closesOn: string;
  /** The organisation's anonymity threshold: results are shown only for at least this many respondents. */
  anonymityThreshold: number;
  /** The day the message is composed (YYYY-MM-DD), to say "opens on" only for a run that has not opened. */
  today: string;
}

export interface InvitationEmail {
  subject: string;
  text: string;
}

/** Control characters (CR and LF among them) collapsed to a space: a title can never start a new header. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Wraps a paragraph at 72 characters between words (plain-text mail convention; a link stays whole). */
function wrap(paragraph: string, width = 72): string {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}

export function composeInvitationEmail(input: InvitationEmailInput): InvitationEmail {
  const title = oneLine(input.surveyTitle);
  const team = oneLine(input.teamName);
  const when =
    input.today < input.opensOn
      ? `The survey opens on ${formatDate(input.opensOn)} and closes at the end of ${formatDate(input.closesOn)}.`
      : `The survey closes at the end of ${formatDate(input.closesOn)}.`;
  const text = [
    "Hello,",
    wrap(`You are invited to answer the survey "${title}" for the team ${team}.`),
    `Your personal link (it can be used once):\n${input.url}`,
    wrap(when),
    wrap(
      `Your answers are anonymous: the link is not tied to your name or to this email address, which is not stored, and results are shown only for groups of at least ${input.anonymityThreshold} people.`,
    ),
    "Please do not forward this link: each link answers once.",
  ].join("\n\n");
  return { subject: oneLine(`Survey: ${title}`), text };
}

export interface ParsedAddressList {
  /** Addresses in the order given, each once (compared without case). */
  addresses: string[];
  duplicates: number;
  /** 1-based line numbers with content but nothing that looks like an address. */
  skippedLines: number[];
}

const EMAIL_HEADER = /^e-?mail(\s*address)?$/i;

function delimiterOf(line: string): "\t" | ";" | "," {
  return line.includes("\t") ? "\t" : line.includes(";") && !line.includes(",") ? ";" : ",";
}

/** `Name <a@b.example>` → `a@b.example`; anything else unchanged. */
function bareAddress(cell: string): string {
  const angle = /<([^<>\s]+)>/.exec(cell);
  return angle ? angle[1] : cell;
}

/**
 * Reads what a manager pastes or uploads: one address per line, or a CSV/TSV export whose column is found
 * by its header (`email`, `e-mail`, `email address`) or, without one, by the first cell holding an `@`.
 * Validation of each address is left to the schema, which names the index that fails.
 */
export function parseAddressList(text: string): ParsedAddressList {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "";
  const rows = parseClipboardBlock(body, delimiterOf(firstLine)).map((row) => row.map((cell) => cell.trim()));
  const first = rows.findIndex((row) => row.some((cell) => cell !== ""));
  const headerColumn = first >= 0 ? rows[first].findIndex((c) => EMAIL_HEADER.test(c)) : -1;
  const seen = new Set<string>();
  const out: ParsedAddressList = { addresses: [], duplicates: 0, skippedLines: [] };
  rows.forEach((cells, index) => {
    if (cells.every((cell) => cell === "") || (headerColumn >= 0 && index === first)) return;
    const cell = headerColumn >= 0 ? cells[headerColumn] : cells.find((c) => c.includes("@"));
    const address = cell ? bareAddress(cell) : "";
    if (!address.includes("@")) {
      out.skippedLines.push(index + 1);
      return;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) {
      out.duplicates++;
      return;
    }
    seen.add(key);
    out.addresses.push(address);
  });
  return out;
}
