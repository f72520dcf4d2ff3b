import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchJson, isRetryable, sendJson } from "./api";

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

describe("sendJson", () => {
  it("sends the body as JSON with the method and returns the answer", async () => {
    const fetchMock = stubFetch(Response.json({ id: "r1" }, { status: 201 }));
    await expect(sendJson<{ id: string }>("/api/v1/surveys", "POST", { title: "Pulse" })).resolves.toEqual({ id: "r1" });
    expect(fetchMock).toHaveBeenCalledWith("/api/v1/surveys", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Pulse" }),
    });
  });

  it("resolves to an empty object when a write answers without a body", async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(sendJson("/api/v1/targets/t1", "DELETE")).resolves.toEqual({});
  });

  it("throws ApiError with the message and the first issue per field, from the top level or the details", async () => {
    stubFetch(
      Response.json(
        { error: "invalid", message: "key: Already taken.", issues: [{ path: "key", message: "Already taken." }, { path: "teamIds.0", message: "Unknown team." }, { path: "key", message: "Too short." }] },
        { status: 400 },
      ),
    );
    const error = await sendJson("/api/v1/metrics", "POST", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid", message: "key: Already taken.", fieldErrors: { key: "Already taken.", teamIds: "Unknown team." } });

    stubFetch(Response.json({ error: "conflict", message: "In use.", details: { needsConfirmation: true, issues: [{ path: "name", message: "Taken." }] } }, { status: 409 }));
    const conflict = await sendJson("/api/v1/metrics/m1", "DELETE").catch((e: unknown) => e);
    expect(conflict).toMatchObject({ status: 409, details: { needsConfirmation: true }, fieldErrors: { name: "Taken." } });
  });

  it("reports an unreachable server as a network ApiError", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(sendJson("/api/v1/people", "POST", {})).rejects.toMatchObject({ status: 0, code: "network", message: "The server could not be reached. Try again." });
  });
});
