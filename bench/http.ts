import autocannon from "autocannon";
import { gzipSync } from "node:zlib";
import { percentile } from "@/lib/domain/stats";

/** HTTP measurements against the running server: request latency, ingestion batches, load, page weight. */

export interface Latency {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function summarise(samples: number[]): Latency {
  const q = (p: number) => Math.round((percentile(samples, p / 100) ?? 0) * 10) / 10;
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { requests: samples.length, p50Ms: q(50), p95Ms: q(95), p99Ms: q(99), meanMs: Math.round(mean * 10) / 10 };
}

async function timedFetch(url: string, init: RequestInit): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status}: ${body.slice(0, 500)}`);
  return { ms, body };
}

/** Sequential GETs after a short warm-up; every answer must be 2xx. */
export async function measureGet(url: string, token: string, requests: number, warmup = 3): Promise<Latency> {
  const init = { headers: { authorization: `Bearer ${token}` } };
  for (let i = 0; i < warmup; i++) await timedFetch(url, init);
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push((await timedFetch(url, init)).ms);
  return summarise(samples);
}

export interface IngestReport {
  batches: number;
  batchSize: number;
  events: number;
  eventsPerSecond: number;
  p50BatchMs: number;
  p99BatchMs: number;
}

/** POSTs batches one after another (a single client, as an importer script would), timing each. */
export async function measureIngest(url: string, token: string, batches: unknown[][]): Promise<IngestReport> {
  const samples: number[] = [];
  for (const batch of batches) {
    const { ms } = await timedFetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(batch),
    });
    samples.push(ms);
  }
  const events = batches.reduce((n, b) => n + b.length, 0);
  const seconds = samples.reduce((a, b) => a + b, 0) / 1000;
  const s = summarise(samples);
  return { batches: batches.length, batchSize: batches[0]?.length ?? 0, events, eventsPerSecond: Math.round(events / seconds), p50BatchMs: s.p50Ms, p99BatchMs: s.p99Ms };
}

/** Waits on a background job through the API (`?wait=`), until it finished; throws when it failed. */
async function awaitJob(baseUrl: string, token: string, jobUrl: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const { body } = await timedFetch(`${baseUrl}${jobUrl}?wait=60`, { headers: { authorization: `Bearer ${token}` } });
    const { job } = JSON.parse(body) as { job: { status: string; error: string | null } };
    if (job.status === "DONE") return;
    if (job.status === "FAILED") throw new Error(`job ${jobUrl} failed: ${job.error}`);
  }
  throw new Error(`job ${jobUrl} did not finish in 10 minutes`);
}

async function postBatch(url: string, token: string, batch: unknown[]): Promise<{ job: { url: string } | null }> {
  const { body } = await timedFetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(batch),
  });
  return JSON.parse(body) as { job: { url: string } | null };
}

/**
 * Ingestion end to end: from the POST of a batch to its recomputed weekly values being readable (the batch's
 * job finished), one batch at a time.
 */
export async function measureEndToEnd(baseUrl: string, url: string, token: string, batches: unknown[][]): Promise<Latency> {
  const samples: number[] = [];
  for (const batch of batches) {
    const started = performance.now();
    const { job } = await postBatch(url, token, batch);
    if (job) await awaitJob(baseUrl, token, job.url);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * The first overview request after a write, uncached: each round writes (one deployment, its recompute
 * finished, so the data version moved and the stored weekly values changed), then times one GET.
 */
export async function measureFirstAfterWrite(baseUrl: string, overviewUrl: string, ingestUrl: string, token: string, writes: unknown[][]): Promise<Latency> {
  const samples: number[] = [];
  for (const write of writes) {
    const { job } = await postBatch(ingestUrl, token, write);
    if (job) await awaitJob(baseUrl, token, job.url);
    samples.push((await timedFetch(overviewUrl, { headers: { authorization: `Bearer ${token}` } })).ms);
  }
  return summarise(samples);
}

export interface DuringImportReport {
  rows: number;
  /** From the run's POST until the import was seen finished. */
  importSeconds: number;
  /** Sequential overview requests just before the import ran. */
  idle: Latency;
  /** Sequential overview requests while it ran. */
  during: Latency;
  /** during p95 ÷ idle p95. */
  ratio: number;
}

/**
 * The overview while a CSV import runs: the file is uploaded (and previewed), the overview timed at rest, then
 * the import is started as the page starts it (a background job) and the overview requested one request after
 * another until the import has finished. Every answer must be 2xx and the import must complete.
 */
export async function measureDuringImport(baseUrl: string, overviewUrl: string, token: string, csv: string, rows: number, idleRequests: number): Promise<DuringImportReport> {
  const auth = { authorization: `Bearer ${token}` };
  const uploaded = await timedFetch(`${baseUrl}/api/v1/imports?kind=metric-values&fileName=bench-live.csv`, { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: csv });
  const importId = (JSON.parse(uploaded.body) as { preview: { importId: string } }).preview.importId;
  const idle = await measureGet(overviewUrl, token, idleRequests);
  const started = performance.now();
  // The run is started and the overview sampled at once: on the embedded database the run's own answer can wait
  // for the import (the database runs on the server's thread), and sampling only after it would time nothing.
  const run = timedFetch(`${baseUrl}/api/v1/imports/${importId}/run`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ skipInvalid: false, createUnknown: false }) });
  let runAnswered = false;
  const samples: number[] = [];
  const until = started + 20 * 60_000;
  let state: { status: string; created: number; error: string | null } = { status: "VALIDATING", created: 0, error: null };
  const running = () => !runAnswered || state.status === "VALIDATING" || state.status === "RUNNING";
  // The import's state is polled beside the overview requests, not between them: on the embedded database a
  // poll waits for the import's transaction as an overview request does, and must not hide that wait.
  const polling = (async () => {
    await run;
    runAnswered = true;
    while (running()) {
      if (performance.now() > until) throw new Error("the import had not finished after 20 minutes");
      state = (JSON.parse((await timedFetch(`${baseUrl}/api/v1/imports/${importId}`, { headers: auth })).body) as { import: typeof state }).import;
      if (running()) await new Promise((r) => setTimeout(r, 200));
    }
  })();
  polling.catch(() => {}); // surfaces below, once the sampling stops
  do samples.push((await timedFetch(overviewUrl, { headers: auth })).ms);
  while (running() && performance.now() < until);
  await polling;
  const importSeconds = Math.round((performance.now() - started) / 100) / 10;
  if (state.status !== "COMPLETED" || state.created !== rows) throw new Error(`The import did not complete as expected: ${state.status}, ${state.created} created of ${rows}. ${state.error ?? ""}`);
  const during = summarise(samples);
  return { rows, importSeconds, idle, during, ratio: Math.round((during.p95Ms / Math.max(0.1, idle.p95Ms)) * 10) / 10 };
}

/**
 * Waits until no background job of the kinds `counts` picks is queued or running (admin API, through the
 * session of `cookie`): by default the delivery recomputes, the ingestion's own work.
 */
export async function waitForIdleJobs(baseUrl: string, cookie: string, counts: (kind: string) => boolean = (kind) => kind.startsWith("delivery."), timeoutMs = 600_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const { body } = await timedFetch(`${baseUrl}/api/v1/jobs?status=queued,running&limit=500`, { headers: { cookie } });
    const { jobs } = JSON.parse(body) as { jobs: { kind: string }[] };
    if (!jobs.some((j) => counts(j.kind))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`background jobs still running after ${Math.round(timeoutMs / 60_000)} minutes`);
}

export interface LoadReport {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts and non-2xx answers together, each counted once. */
  errors: number;
  non2xx: number;
}

export async function measureLoad(url: string, token: string, connections: number, seconds: number): Promise<LoadReport> {
  const r = await autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  return {
    connections,
    seconds,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    // autocannon's errors already include its timeouts.
    errors: r.errors + r.non2xx,
    non2xx: r.non2xx,
  };
}

export interface PageWeight {
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

/** Every `<script src>` the page's HTML references, fetched and gzipped (what a first visit downloads). */
export async function firstLoadJs(pageUrl: string, cookie: string): Promise<PageWeight> {
  const res = await fetch(pageUrl, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${pageUrl} answered ${res.status}; the session cookie was not accepted.`);
  // `nomodule` scripts (legacy polyfills) are not downloaded by the browsers that run the app.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []).map((src) => src.replaceAll("&amp;", "&")))];
  if (sources.length === 0) throw new Error(`No scripts found on ${pageUrl}.`);
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const script = await fetch(new URL(src, pageUrl));
    if (!script.ok) throw new Error(`GET ${src} answered ${script.status}`);
    const bytes = Buffer.from(await script.arrayBuffer());
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { scripts: sources.length, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}
