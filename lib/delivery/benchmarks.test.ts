import { describe, expect, it } from "vitest";
import {
  DORA_2023,
  DORA_2024,
  DORA_TIERS_NOTE,
  changeFailureRateBand2024,
  frequencyBand2024,
  leadTimeBand2024,
  recoveryBand2024,
} from "./benchmarks";

describe("DORA reference clusters", () => {
  it("carries year, source and the 2025 note", () => {
    expect(DORA_2024).toMatchObject({ year: 2024 });
    expect(DORA_2024.source).toContain("2024");
    expect(DORA_2023.year).toBe(2023);
    expect(DORA_TIERS_NOTE).toContain("seven team profiles");
    expect(DORA_2024.clusters.map((c) => c.shareOfRespondents)).toEqual([0.19, 0.22, 0.35, 0.25]);
    expect(DORA_2023.clusters.map((c) => c.changeFailureRate)).toEqual(["5%", "10%", "15%", "64%"]);
  });

  it("places a lead time in the 2024 band that contains it", () => {
    expect(leadTimeBand2024(1439)).toBe("elite");
    expect(leadTimeBand2024(1440)).toBe("high");
    expect(leadTimeBand2024(7 * 1440)).toBe("medium");
    expect(leadTimeBand2024(60 * 1440)).toBe("low");
    expect(leadTimeBand2024(200 * 1440)).toBeNull();
    expect(leadTimeBand2024(null)).toBeNull();
  });

  it("places recovery time, with gaps where no cluster sits", () => {
    expect(recoveryBand2024(59)).toBe("elite");
    expect(recoveryBand2024(300)).toBe("high");
    expect(recoveryBand2024(3 * 1440)).toBeNull();
    expect(recoveryBand2024(10 * 1440)).toBe("low");
  });

  it("matches a change failure rate to the nearest published cluster rate", () => {
    expect(changeFailureRateBand2024(0)).toBe("elite");
    expect(changeFailureRateBand2024(0.12)).toBe("medium");
    expect(changeFailureRateBand2024(0.18)).toBe("high");
    expect(changeFailureRateBand2024(0.5)).toBe("low");
    expect(changeFailureRateBand2024(null)).toBeNull();
  });

  it("maps frequency tiers onto clusters", () => {
    expect(frequencyBand2024("on-demand")).toBe("elite");
    expect(frequencyBand2024("weekly-monthly")).toBe("medium");
  });
});
