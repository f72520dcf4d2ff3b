// The JavaScript heap limit of the app server and the job worker, one rule for every way they are started
// (`npm start`, `npm run worker`, the bench, the resilience checks). Node's own default lets the heap grow to
// about 4 GB before it must collect, so a busy server held several hundred MB of garbage (peaks over 1 GB at the
// bench's large scale). The largest jobs the server runs in process were measured at that scale (250 teams,
// 157 weeks, 1.5 million events): a full recompute rewriting 582,000 values peaked at 302 MB of heap under a
// 384 MB limit, a 100,000-row import at 156 MB, the alerts check over every team at 204 MB. The default leaves
// twice the largest of them.
//   PILLARS_HEAP_MB=1536  a larger organisation; PILLARS_HEAP_MB=0  Node's default.
export const DEFAULT_HEAP_MB = 768;

/** Node arguments that set the heap limit from `env.PILLARS_HEAP_MB`; throws on a value that is not a size. */
export function heapArgs(env = process.env) {
  const raw = (env.PILLARS_HEAP_MB ?? "").trim();
  if (raw === "") return [`--max-old-space-size=${DEFAULT_HEAP_MB}`];
  if (!/^\d+$/.test(raw) || (Number(raw) !== 0 && Number(raw) < 256)) {
    throw new Error(`PILLARS_HEAP_MB must be a whole number of megabytes, at least 256 (or 0 for Node's default); got “${raw}”.`);
  }
  return Number(raw) === 0 ? [] : [`--max-old-space-size=${Number(raw)}`];
}
