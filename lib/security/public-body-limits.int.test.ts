import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as respond } from "@/app/api/v1/respond/[token]/route";
import { POST as github } from "@/app/api/webhooks/github/route";
import { POST as gitlab } from "@/app/api/webhooks/gitlab/route";
import { db } from "@/lib/server/db";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * The public routes (survey answers, webhooks) refuse an oversized body with 413 before reading it whole: a
 * declared Content-Length over the limit is refused before a byte is read, and an undeclared (chunked) body the
 * moment it passes the limit — the answer arrives while the client is still sending, which it could not if the
 * server waited for the whole body.
 */
let host: HttpHost;
const TOKEN = "a".repeat(32);

beforeAll(async () => {
  host = await serveRoutes({ "POST /api/v1/respond/[token]": respond, "POST /api/webhooks/github": github, "POST /api/webhooks/gitlab": gitlab });
});
afterAll(async () => {
  await host?.close();
});

/** Sends headers and `first` bytes, never ends the body, and resolves with the answer (or rejects after 10 s). */
function sendWithoutEnding(path: string, headers: Record<string, string | number>, first: Buffer): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, host.url);
    let sent = 0;
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    req.on("error", () => undefined);
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer from ${path} while the body was still being sent`));
    }, 10_000);
    req.on("close", () => clearTimeout(timer));
    // Keep sending in pieces, never ending, until the server answers.
    const pump = () => {
      if (req.destroyed || sent > 64 * 1024 * 1024) return;
      sent += first.length;
      if (req.write(first)) setImmediate(pump);
      else req.once("drain", pump);
    };
    pump();
  });
}

describe("oversized bodies on public routes", () => {
  const chunk = Buffer.alloc(16 * 1024, "x");

  it("refuses survey answers over 64 kB as they arrive (chunked) and when declared", async () => {
    const streamed = await sendWithoutEnding(`/api/v1/respond/${TOKEN}`, {}, chunk);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toContain("too_large");
    const declared = await sendWithoutEnding(`/api/v1/respond/${TOKEN}`, { "content-length": 10 * 1024 * 1024 }, chunk);
    expect(declared.status).toBe(413);
    expect(await db.surveyResponse.count()).toBe(0);
  });

  it("refuses webhook bodies over 25 MB as they arrive and when declared, before any signature is checked", async () => {
    for (const path of ["/api/webhooks/github", "/api/webhooks/gitlab"]) {
      const declared = await sendWithoutEnding(path, { "content-length": 26 * 1024 * 1024 }, chunk);
      expect(declared.status, path).toBe(413);
      const streamed = await sendWithoutEnding(path, {}, Buffer.alloc(1024 * 1024, "x"));
      expect(streamed.status, path).toBe(413);
    }
  }, 60_000);
});
