import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The PDF printer against a real Chromium and a real HTTP server: it sends the caller's cookie to this
 * instance, refuses every other origin, and prints what the page drew.
 */
let server: http.Server;
const seen: { path: string; cookie: string | undefined }[] = [];
let elsewhere = 0;
let other: http.Server;
let baseUrl = "";

beforeAll(async () => {
  other = http.createServer((_req, res) => {
    elsewhere++;
    res.end("x");
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  const otherPort = (other.address() as AddressInfo).port;
  server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? "", cookie: req.headers.cookie });
    if (req.headers.cookie !== "session=abc") {
      res.writeHead(302, { Location: "/sign-in" }).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>Pack</title><body><h1>Quarterly pack</h1>
      <img src="http://localhost:${otherPort}/tracker.png">
      <div id="slides"></div>
      <script>setTimeout(() => { for (let i = 0; i < 3; i++) { const c = document.createElement("canvas"); c.className = "ready"; document.getElementById("slides").append(c); } }, 200);</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => other.close(resolve));
});

describe("renderPagePdf", () => {
  it("prints the page as the caller, waiting for what it must draw, and reaches no other origin", async () => {
    const { renderPagePdf } = await import("./page-pdf");
    const pdf = await renderPagePdf({ path: "/packs/p1", cookie: "session=abc", readySelector: "canvas.ready", readyCount: 3, footer: "Quarterly pack", baseUrl });
    const text = Buffer.from(pdf).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect((text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect(seen.find((s) => s.path === "/packs/p1")?.cookie).toBe("session=abc");
    expect(elsewhere).toBe(0);
  }, 90_000);

  it("refuses to print a page the caller is sent away from", async () => {
    const { renderPagePdf } = await import("./page-pdf");
    await expect(renderPagePdf({ path: "/packs/p1", cookie: "session=wrong", readySelector: "canvas.ready", readyCount: 3, footer: "x", baseUrl })).rejects.toMatchObject({ status: 502 });
  }, 90_000);
});
