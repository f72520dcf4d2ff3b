/** Helpers for the CSV tests: byte sources split at awkward places, and a seeded PRNG. */

const encoder = new TextEncoder();

/** Yields `input` as UTF-8 in pieces of `size` bytes (so quotes, CRLFs and characters split across pieces). */
export async function* chunked(input: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === "string" ? encoder.encode(input) : input;
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

export function bytes(...parts: (string | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === "string" ? encoder.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Mulberry32: small, fast, deterministic; the same seed gives the same test data on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
