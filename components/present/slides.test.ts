import { describe, expect, it } from "vitest";
import { commandForKey, nextIndex } from "./slides";

describe("presentation keys", () => {
  it("maps keyboard and clicker keys to commands", () => {
    expect(["ArrowRight", " ", "PageDown"].map(commandForKey)).toEqual(["next", "next", "next"]);
    expect(["ArrowLeft", "PageUp"].map(commandForKey)).toEqual(["previous", "previous"]);
    expect(commandForKey("Escape")).toBe("exit");
    expect(commandForKey("a")).toBeNull();
  });

  it("stays within the deck", () => {
    expect(nextIndex(0, "previous", 3)).toBe(0);
    expect(nextIndex(1, "next", 3)).toBe(2);
    expect(nextIndex(2, "next", 3)).toBe(2);
    expect(nextIndex(1, "last", 3)).toBe(2);
    expect(nextIndex(2, "first", 3)).toBe(0);
    expect(nextIndex(0, "next", 0)).toBe(0);
  });
});
