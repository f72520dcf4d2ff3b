import { describe, expect, it } from "vitest";
import { Gate, GateFull } from "./async";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Gate", () => {
  it("runs at most `limit` tasks at once, queues `queue` more in order, and refuses the rest at once", async () => {
    const gate = new Gate(2, 1);
    const started: number[] = [];
    const releases = [deferred(), deferred(), deferred()];
    const runs = releases.map((d, i) =>
      gate.run(async () => {
        started.push(i);
        await d.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    await expect(gate.run(async () => 9)).rejects.toBeInstanceOf(GateFull);
    releases[0]!.resolve();
    await runs[0];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    releases[1]!.resolve();
    releases[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    // Every slot is free again.
    expect(await Promise.all([gate.run(async () => "a"), gate.run(async () => "b"), gate.run(async () => "c")])).toEqual(["a", "b", "c"]);
  });

  it("frees the slot when a task fails", async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => 1)).toBe(1);
  });
});
