/**
 * Validation issues in a reader's words. The API keeps each issue's machine path (`actions.0.owner`) for
 * forms that place errors beside fields, and leads with a sentence a person can act on:
 * "Action 1, owner: Name an owner."
 */

/** `dueDate` → `due date`; `teamIds` → `teams`. */
function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return spaced.replace(/ ids$/, "s").replace(/ id$/, "");
}

/** `actions` → `Action` (the list's element, named for a person counting from 1). */
function elementOf(list: string): string {
  const w = words(list);
  const singular = w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
  return singular.charAt(0).toUpperCase() + singular.slice(1);
}

/** A path as a reader names the field: `["actions", 0, "owner"]` → `Action 1, owner`; `[2, "kind"]` → `Item 3, kind`. */
export function readablePath(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    const index = typeof next === "number" ? next : typeof next === "string" && /^\d+$/.test(next) ? Number(next) : null;
    if (typeof segment === "string" && !/^\d+$/.test(segment) && index !== null) {
      parts.push(`${elementOf(segment)} ${index + 1}`);
      i++;
    } else if (typeof segment === "number" || /^\d+$/.test(segment)) {
      parts.push(`Item ${Number(segment) + 1}`);
    } else {
      parts.push(words(segment));
    }
  }
  return parts.join(", ");
}

/** "name an owner" → "Name an owner." */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The one line an API error leads with. */
export function issueSentence(issue: { path: readonly (string | number)[]; message: string }): string {
  const where = readablePath(issue.path);
  return where ? `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${sentence(issue.message)}` : sentence(issue.message);
}
