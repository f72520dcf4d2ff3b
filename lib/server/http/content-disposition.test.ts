import { describe, expect, it } from "vitest";
import { attachment } from "./content-disposition";

describe("attachment", () => {
  it("keeps a plain name as it is", () => {
    expect(attachment("pillars-teams.csv")).toBe(`attachment; filename="pillars-teams.csv"; filename*=UTF-8''pillars-teams.csv`);
  });

  it("gives an ASCII stand-in and the UTF-8 name for non-ASCII names", () => {
    expect(attachment("Zürich Ümläute 東京.csv")).toBe(`attachment; filename="Zurich Umlaute __.csv"; filename*=UTF-8''Z%C3%BCrich%20%C3%9Cml%C3%A4ute%20%E6%9D%B1%E4%BA%AC.csv`);
  });

  it("drops CR, LF and other control characters, quotes and path separators", () => {
    const header = attachment('evil"\r\nSet-Cookie: a=b;\u0000../x.csv');
    expect(header).not.toMatch(/[\r\n\u0000]/);
    expect(header).toBe(`attachment; filename="evil_Set-Cookie: a=b_.._x.csv"; filename*=UTF-8''evil%22Set-Cookie%3A%20a%3Db%3B.._x.csv`);
    // Every character of the header is one a Headers object accepts (Latin-1, no controls).
    expect(() => new Headers({ "Content-Disposition": attachment("Łódź\u2028\r\n.csv") })).not.toThrow();
  });

  it("never gives an empty name", () => {
    expect(attachment("\r\n")).toContain('filename="download"');
  });
});
