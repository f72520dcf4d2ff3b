/**
 * The CSV export of a run's results. Pure; no I/O. It is written from the same RunResults the page
 * shows, so the anonymity rules are the same by construction: a withheld group is one "withheld" row
 * with its message and no number. Hidden comments are never exported, not even for admins.
 */
import { toCsv, type CsvCell } from "@/lib/csv/write";
import type { RunResults, UnitResult } from "@/lib/engagement/api-types";

const HEADER = ["scope_type", "scope", "status", "measure", "item", "answer", "value", "note"];

function unitRows(u: UnitResult): CsvCell[][] {
  const head = [u.type, u.name];
  if (!u.shown) return [[...head, "withheld", "", "", "", null, u.message]];
  const row = (measure: string, item: string, answer: string, value: number | null, note = ""): CsvCell[] => [...head, "shown", measure, item, answer, value, note];
  const rows: CsvCell[][] = [
    row("respondents", "", "", u.respondents),
    row("invited", "", "", u.invited),
    row("participation_percent", "", "", u.participation),
  ];
  for (const ix of u.indexes) {
    rows.push(row(`${ix.key}_score`, "", "", ix.score, ix.name));
    if (ix.percentFavourable !== null) rows.push(row(`${ix.key}_percent_favourable`, "", "", ix.percentFavourable));
    if (ix.vsOrg !== undefined) rows.push(row(`${ix.key}_vs_org`, "", "", ix.vsOrg));
  }
  for (const item of u.items) {
    if (item.mean !== null) rows.push(row("item_mean", item.id, "", item.mean, item.text));
    if (item.percentFavourable !== null) rows.push(row("item_percent_favourable", item.id, "", item.percentFavourable));
    for (const d of item.distribution) rows.push(row("answer_count", item.id, d.label, d.count));
  }
  for (const c of u.comments) if (!c.hidden) rows.push(row("comment", c.itemId, "", null, c.text));
  return rows;
}

export function resultsCsv(results: RunResults): string {
  const units = [results.org, ...results.groups, ...results.teams, ...(results.filter ? [results.filter] : [])];
  return toCsv(HEADER, units.flatMap(unitRows), { bom: true });
}
