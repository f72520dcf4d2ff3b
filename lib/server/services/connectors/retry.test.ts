import { describe, expect, it } from "vitest";
import { expectOk, retryingFetch } from "./retry";

/**
 * Inside the app server a response's body can be one branch of a tee'd stream whose other branch nobody reads
 * (Next.js keeps it): cancelling such a branch never settles. The retrying fetch must still move on after a rate
 * limit, and an error answer must still become an error.
 */
function teedResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  const [ours] = new Response(body).body!.tee();
  return new Response(ours, { status, headers });
}

const noWait = async () => {};

describe("retrying fetch", () => {
  it("retries a rate-limited answer whose body is a tee'd branch, and returns the next answer", async () => {
    const answers = [teedResponse(429, "slow down", { "retry-after": "1" }), teedResponse(502, "bad gateway"), new Response("ok", { status: 200 })];
    const waits: number[] = [];
    const fetch = retryingFetch(async (ms) => void waits.push(ms), async () => answers.shift()!);
    const response = await fetch("http://provider.test/items");
    expect(await response.text()).toBe("ok");
    expect(waits).toEqual([1000, 2000]);
  });

  it("turns an error answer with a tee'd body into an error naming the call", async () => {
    const fetch = retryingFetch(noWait, async () => teedResponse(401, "bad credentials"));
    await expect(expectOk(await fetch("http://provider.test/me"), "Provider account")).rejects.toThrow("Provider account: HTTP 401 (check the token)");
  });
});
