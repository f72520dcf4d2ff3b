import { describe, expect, it } from "vitest";
import { ENGAGEMENT_EXPLANATIONS } from "./explanations";
import { ENPS_ITEM, PSYCHOLOGICAL_SAFETY_ITEMS, PULSE_ITEMS, SURVEY_TEMPLATES } from "./templates";

describe("survey templates", () => {
  it("ships Edmondson's seven items with 1, 3 and 5 reversed on a 7-point scale", () => {
    expect(PSYCHOLOGICAL_SAFETY_ITEMS).toHaveLength(7);
    expect(PSYCHOLOGICAL_SAFETY_ITEMS.every((i) => i.kind === "likert7")).toBe(true);
    expect(PSYCHOLOGICAL_SAFETY_ITEMS.filter((i) => i.reverseScored).map((i) => i.id)).toEqual(["ps1", "ps3", "ps5"]);
    expect(PSYCHOLOGICAL_SAFETY_ITEMS[0].text).toBe("If you make a mistake on this team, it is often held against you.");
    expect(PSYCHOLOGICAL_SAFETY_ITEMS[6].text).toBe(
      "Working with members of this team, my unique skills and talents are valued and utilized.",
    );
  });

  it("asks the eNPS question on a 0–10 scale", () => {
    expect(ENPS_ITEM.kind).toBe("scale0to10");
    expect(ENPS_ITEM.text).toBe("How likely are you to recommend working here to a friend?");
  });

  it("covers the five pulse themes on 5-point scales", () => {
    expect(PULSE_ITEMS.map((i) => i.id)).toEqual(["autonomy", "trust-leadership", "workload", "growth", "belonging"]);
    expect(PULSE_ITEMS.every((i) => i.kind === "likert5" && !i.reverseScored)).toBe(true);
  });

  it("gives every template unique item ids", () => {
    for (const t of SURVEY_TEMPLATES) {
      const ids = t.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("explains each engagement metric", () => {
    expect(ENGAGEMENT_EXPLANATIONS.enps).toContain("9–10");
    expect(ENGAGEMENT_EXPLANATIONS.psych_safety).toContain("8 − answer");
  });
});
