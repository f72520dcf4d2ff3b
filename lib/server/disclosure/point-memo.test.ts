import { describe, expect, it } from "vitest";
import { MAX_GROUPS, MAX_POINTS, PointMemo } from "./point-memo";

describe("PointMemo", () => {
  it("keeps points per group until it is full, then forgets them all and keeps the new one", () => {
    const memo = new PointMemo<number>(4, 10);
    memo.set("org", "m|w1", 1);
    memo.set("org", "m|w2", 2);
    memo.set("g1", "m|w1", 3);
    memo.set("org", "m|w1", 11); // the same point again: replaced, not counted twice
    memo.set("g1", "m|w2", 4);
    expect(memo.size).toBe(4);
    expect([memo.get("org", "m|w1"), memo.get("org", "m|w2"), memo.get("g1", "m|w1"), memo.get("g1", "m|w2")]).toEqual([11, 2, 3, 4]);
    memo.set("g2", "m|w1", 5);
    expect(memo.size).toBe(1);
    expect(memo.get("org", "m|w1")).toBeUndefined();
    expect(memo.get("g1", "m|w2")).toBeUndefined();
    expect(memo.get("g2", "m|w1")).toBe(5);
  });

  it("forgets everything when a new group would pass the limit of groups, not for another point of a known group", () => {
    const memo = new PointMemo<string>(100, 2);
    memo.set("a", "k1", "a1");
    memo.set("b", "k1", "b1");
    memo.set("b", "k2", "b2");
    expect(memo.size).toBe(3);
    memo.set("c", "k1", "c1");
    expect(memo.size).toBe(1);
    expect(memo.get("a", "k1")).toBeUndefined();
    expect(memo.get("c", "k1")).toBe("c1");
  });

  it(`holds at most ${MAX_POINTS} points and ${MAX_GROUPS} groups by default`, () => {
    const memo = new PointMemo<number>();
    for (let i = 0; i < MAX_POINTS; i++) memo.set(`group ${i % (MAX_GROUPS / 2)}`, `point ${i}`, i);
    expect(memo.size).toBe(MAX_POINTS);
    expect(memo.get("group 0", "point 0")).toBe(0);
    memo.set("group 0", `point ${MAX_POINTS}`, MAX_POINTS);
    expect(memo.size).toBe(1);
    expect(memo.get("group 0", "point 0")).toBeUndefined();

    for (let g = 1; g < MAX_GROUPS; g++) memo.set(`other ${g}`, "point", g);
    expect(memo.size).toBe(MAX_GROUPS);
    memo.set(`other ${MAX_GROUPS}`, "point", MAX_GROUPS);
    expect(memo.size).toBe(1);
  });
});
