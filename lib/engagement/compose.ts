/**
 * Turning template choices and an author's own items into the item list stored on a survey, and reading
 * it back. Pure; no I/O. Template items keep their ids and gain the engagement index they feed, so a
 * run's results become psych_safety / enps / pulse_* metric values.
 */
import type { SurveyItem } from "@/lib/engagement/items";
import { SURVEY_TEMPLATES } from "@/lib/engagement/templates";
import { storedItems, type CreateSurveyInput, type IndexKey, type StoredItem } from "@/lib/validation/surveys";

/** Template item id → the metric it feeds. Items not listed (own items, the comment) feed none. */
const TEMPLATE_INDEX: Readonly<Record<string, IndexKey>> = {
  ps1: "psych_safety",
  ps2: "psych_safety",
  ps3: "psych_safety",
  ps4: "psych_safety",
  ps5: "psych_safety",
  ps6: "psych_safety",
  ps7: "psych_safety",
  enps: "enps",
  autonomy: "pulse_autonomy",
  "trust-leadership": "pulse_trust",
  workload: "pulse_workload",
  growth: "pulse_growth",
  belonging: "pulse_belonging",
};

function fromTemplate(item: SurveyItem): StoredItem {
  const index = TEMPLATE_INDEX[item.id];
  return index ? ({ ...item, index } as StoredItem) : ({ ...item } as StoredItem);
}

/** Items in template order (a shared item such as eNPS or the comment appears once), then own items. */
export function composeItems(input: Pick<CreateSurveyInput, "templates" | "items" | "excludeItems">): StoredItem[] {
  const out: StoredItem[] = [];
  const seen = new Set<string>();
  const excluded = new Set(input.excludeItems);
  for (const key of input.templates) {
    const template = SURVEY_TEMPLATES.find((t) => t.key === key);
    if (!template) throw new RangeError(`unknown template ${key}`);
    for (const item of template.items) {
      if (seen.has(item.id) || excluded.has(item.id)) continue;
      seen.add(item.id);
      out.push(fromTemplate(item));
    }
  }
  input.items.forEach((item, i) => {
    const id = `q${i + 1}`;
    if (item.kind === "singleChoice") {
      out.push({ id, kind: "singleChoice", text: item.text, options: item.options.map((label, o) => ({ id: `o${o + 1}`, label })) });
    } else if (item.kind === "text") {
      out.push({ id, kind: "text", text: item.text });
    } else {
      out.push({ id, kind: item.kind, text: item.text, ...(item.reverseScored ? { reverseScored: true } : {}) });
    }
  });
  // Moving the comment to the end keeps free text last, where respondents expect it.
  const texts = out.filter((i) => i.kind === "text");
  return [...out.filter((i) => i.kind !== "text"), ...texts];
}

/** The stored JSON, checked: a hand-edited row must not crash results with a bad shape. */
export function readItems(json: unknown): StoredItem[] {
  return storedItems.parse(json);
}

/** The items of one index, in survey order. */
export function itemsOfIndex(items: readonly StoredItem[], index: IndexKey): StoredItem[] {
  return items.filter((i) => i.kind !== "text" && i.kind !== "singleChoice" && i.index === index);
}

/** Indexes the survey measures, in the catalogue's order. */
export function indexesOf(items: readonly StoredItem[]): IndexKey[] {
  const order: IndexKey[] = ["psych_safety", "enps", "pulse_autonomy", "pulse_trust", "pulse_workload", "pulse_growth", "pulse_belonging"];
  return order.filter((k) => itemsOfIndex(items, k).length > 0);
}
