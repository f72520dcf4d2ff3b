import { describe, expect, it } from "vitest";
import { readRun } from "./run-state";

const NOW = new Date("2026-03-12T12:00:00Z");
const LIMIT = new Date(NOW.getTime() - 61 * 60_000);
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("readRun", () => {
  it("reads an import with a queued or running job as under way however long it waited", () => {
    for (const status of ["QUEUED", "RUNNING"] as const) {
      expect(readRun({ status: "VALIDATING", startedAt: hoursAgo(5) }, { status }, true, LIMIT)).toEqual({ interrupted: false, waitingForWorker: false });
    }
  });

  it("reads a queued job with no worker alive as waiting for one, a running one not", () => {
    expect(readRun({ status: "VALIDATING", startedAt: hoursAgo(0) }, { status: "QUEUED" }, false, LIMIT)).toEqual({ interrupted: false, waitingForWorker: true });
    expect(readRun({ status: "RUNNING", startedAt: hoursAgo(0) }, { status: "RUNNING" }, false, LIMIT)).toEqual({ interrupted: false, waitingForWorker: false });
  });

  it("reads an import whose job ended without finishing it as interrupted, at once", () => {
    for (const status of ["DONE", "FAILED"] as const) {
      expect(readRun({ status: "RUNNING", startedAt: hoursAgo(0) }, { status }, true, LIMIT).interrupted).toBe(true);
    }
  });

  it("reads an import without a job (the command line) as interrupted only past the transaction's limit", () => {
    expect(readRun({ status: "RUNNING", startedAt: hoursAgo(1) }, null, true, LIMIT).interrupted).toBe(false);
    expect(readRun({ status: "RUNNING", startedAt: hoursAgo(2) }, null, true, LIMIT).interrupted).toBe(true);
  });

  it("leaves finished imports as they are", () => {
    for (const status of ["COMPLETED", "FAILED", "UNDONE", "UPLOADED"]) {
      expect(readRun({ status, startedAt: hoursAgo(9) }, { status: "FAILED" }, false, LIMIT)).toEqual({ interrupted: false, waitingForWorker: false });
    }
  });
});
