import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmailNotConfigured } from "./email-links-panel";

describe("EmailNotConfigured", () => {
  it("explains that links are exported instead, and offers no email form", () => {
    const html = renderToStaticMarkup(<EmailNotConfigured />);
    expect(html).toContain("Email is not configured on this server");
    expect(html).toContain("download them as CSV");
    expect(html).not.toMatch(/<(form|textarea|button)/);
  });
});
