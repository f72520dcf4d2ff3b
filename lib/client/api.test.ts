import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchJson, isRetryable } from "./api";

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async () => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  it("returns the parsed body and asks for JSON", async () => {
    const fetchMock = stubFetch(Response.json({ ok: 1 }));
    await expect(fetchJson<{ ok: number }>("/api/v1/x")).resolves.toEqual({ ok: 1 });
    expect(fetchMock).toHaveBeenCalledWith("/api/v1/x", { headers: { Accept: "application/json" } });
  });

  it("throws ApiError carrying the server's message and code", async () => {
    stubFetch(Response.json({ error: "invalid", message: "scope: Unknown team." }, { status: 400 }));
    const error = await fetchJson("/api/v1/overview").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid", message: "scope: Unknown team." });
  });

  it("explains a non-JSON failure by its status", async () => {
    stubFetch(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(fetchJson("/api/v1/overview")).rejects.toMatchObject({
      status: 502,
      code: "http_error",
      message: "The server could not answer. Try again shortly.",
    });
  });
});

describe("isRetryable", () => {
  it("does not retry client errors but retries server and network errors", () => {
    expect(isRetryable(new ApiError(403, "forbidden", "no"))).toBe(false);
    expect(isRetryable(new ApiError(503, "unavailable", "down"))).toBe(true);
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
  });
});
