import { describe, expect, it } from "vitest";
import type { DeliveryWeek } from "./weekly";
import type { FlowWeek } from "@/lib/flow/weekly";
import { aiShareValues, deliveryWeekValues, flowWeekValues, type WeeklyValue } from "./weekly-values";

const WEEK = "2026-11-23";
const quietDelivery: DeliveryWeek = {
  weekStart: WEEK, deploymentCount: 0, deployDays: 0, leadTimeMedian: null, leadTimeP85: null, leadTimeCount: 0,
  failedDeployments: 0, productionDeployments: 0, recoveryMedian: null, recoveryCount: 0, restoreMedian: null, restoreCount: 0,
  reworkDeployments: 0, incidentsOpened: 0,
};
const quietFlow: FlowWeek = {
  weekStart: WEEK, velocity: 0, velocityByType: { feature: 0, defect: 0, risk: 0, debt: 0 }, flowTimeMedianDays: null, flowTimeP85Days: null,
  flowTimeCount: 0, activeDays: 0, flowDays: 0, efficiency: null, load: 3,
};
const byKey = (values: WeeklyValue[]): Record<string, WeeklyValue> => Object.fromEntries(values.map((v) => [v.key, v]));

describe("deliveryWeekValues", () => {
  it("gives a quiet week its zero counts and no rates or durations, which have nothing to rest on", () => {
    expect(deliveryWeekValues(quietDelivery).map((v) => [v.key, v.value])).toEqual([["deployments", 0], ["deploy_days", 0], ["incidents", 0]]);
  });

  it("keeps a rate's numerator and denominator and gives each duration that has a median", () => {
    const values = byKey(deliveryWeekValues({
      ...quietDelivery, deploymentCount: 4, deployDays: 3, productionDeployments: 4, failedDeployments: 1, reworkDeployments: 2,
      leadTimeMedian: 600, leadTimeCount: 5, recoveryMedian: 45, recoveryCount: 1, incidentsOpened: 1,
    }));
    expect(values.change_failure_rate).toEqual({ key: "change_failure_rate", week: WEEK, value: 25, numerator: 1, denominator: 4 });
    expect(values.rework_rate).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(values.lead_time).toEqual({ key: "lead_time", week: WEEK, value: 600, numerator: null, denominator: null });
    expect(values.recovery_time).toMatchObject({ value: 45 });
    expect(values.time_to_restore).toBeUndefined();
  });
});

describe("flowWeekValues", () => {
  it("gives a week with nothing finished its velocity and load only", () => {
    expect(flowWeekValues(quietFlow).map((v) => [v.key, v.value])).toEqual([["flow_velocity", 0], ["flow_load", 3]]);
  });

  it("gives flow time, efficiency and each category's share of what was finished", () => {
    const values = byKey(flowWeekValues({
      ...quietFlow, velocity: 4, velocityByType: { feature: 2, defect: 1, risk: 0, debt: 1 }, flowTimeMedianDays: 3.5, flowTimeCount: 4,
      activeDays: 6, flowDays: 8, efficiency: 75,
    }));
    expect(values.flow_time).toMatchObject({ value: 3.5, numerator: null });
    expect(values.flow_efficiency).toMatchObject({ value: 75, numerator: 6, denominator: 8 });
    expect([values.alloc_new_capability, values.alloc_ktlo, values.alloc_debt].map((v) => v.value)).toEqual([50, 25, 25]);
  });
});

describe("aiShareValues", () => {
  const weeks = new Set([WEEK]);
  const at = (iso: string) => new Date(iso);

  it("gives the share of a week's merged pull requests labelled as AI-assisted, in the weeks asked for", () => {
    const prs = [
      { mergedAt: at("2026-11-24T10:00:00Z"), aiAssisted: true },
      { mergedAt: at("2026-11-25T10:00:00Z"), aiAssisted: false },
      { mergedAt: at("2026-11-26T10:00:00Z"), aiAssisted: false },
      { mergedAt: at("2026-11-26T10:00:00Z"), aiAssisted: false },
      { mergedAt: null, aiAssisted: true }, // not merged
      { mergedAt: at("2026-11-17T10:00:00Z"), aiAssisted: true }, // a week not asked for
    ];
    expect(aiShareValues(prs, weeks, "UTC")).toEqual([{ key: "ai_pr_share", week: WEEK, value: 25, numerator: 1, denominator: 4 }]);
  });

  it("gives nothing when no pull request carries the label at all", () => {
    expect(aiShareValues([{ mergedAt: at("2026-11-24T10:00:00Z"), aiAssisted: false }], weeks, "UTC")).toEqual([]);
  });
});
