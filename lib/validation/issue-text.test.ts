import { describe, expect, it } from "vitest";
import { issueSentence, readablePath, sentence } from "./issue-text";

describe("readablePath", () => {
  it("names list elements counting from 1", () => {
    expect(readablePath(["actions", 0, "owner"])).toBe("Action 1, owner");
    expect(readablePath(["slides", 2, "metricKey"])).toBe("Slide 3, metric key");
    expect(readablePath([6, "kind"])).toBe("Item 7, kind");
  });

  it("reads camel case and ids as words", () => {
    expect(readablePath(["dueDate"])).toBe("due date");
    expect(readablePath(["teamIds"])).toBe("teams");
    expect(readablePath(["categories", 1])).toBe("Category 2");
  });

  it("accepts string indexes as zod reports them once joined", () => {
    expect(readablePath(["actions", "0", "title"])).toBe("Action 1, title");
  });
});

describe("issueSentence", () => {
  it("leads with the field and ends as a sentence", () => {
    expect(issueSentence({ path: ["actions", 0, "owner"], message: "name an owner" })).toBe("Action 1, owner: Name an owner.");
    expect(issueSentence({ path: ["closesOn"], message: "The run must close on or after the day it opens." })).toBe("Closes on: The run must close on or after the day it opens.");
    expect(issueSentence({ path: [], message: "Invalid input" })).toBe("Invalid input.");
  });

  it("keeps a message's own punctuation", () => {
    expect(sentence("Is this right?")).toBe("Is this right?");
  });
});
