/**
 * The parts of the metric catalog that pages need before anything else: the pillars and how a ratio is
 * scaled. Kept apart from catalog.ts (which re-exports them) so browser code that only names the pillars or
 * formats a change does not load every metric's texts.
 */
import type { PillarKey } from "./catalog";

export const PILLARS: { key: PillarKey; name: string; summary: string }[] = [
  { key: "QUALITY", name: "Enterprise-level quality", summary: "Delivery and stability: DORA keys, flow, incidents, automation." },
  { key: "ENGAGEMENT", name: "People engagement", summary: "Psychological safety, eNPS and pulse results, with strict anonymity." },
  { key: "RETENTION", name: "Retention & development", summary: "Headcount, attrition, tenure, promotions and growth." },
  { key: "SKILLS", name: "Skills & capabilities", summary: "Learning investment, AI adoption, experiments and skills coverage." },
  { key: "ALIGNMENT", name: "Business alignment", summary: "Where effort and cost go: new capability, keep-the-lights-on, tech debt." },
];

/** Ratios are stored as numerator/denominator and displayed ×100 for percent units. */
export function ratioScale(unit: string): number {
  return unit === "percent" ? 100 : 1;
}
