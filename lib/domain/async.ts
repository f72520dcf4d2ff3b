/** `task` over every item, at most `concurrency` at a time; results in input order. */
export async function mapLimited<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/** Thrown by a full `Gate`: nothing was started. */
export class GateFull extends Error {
  constructor() {
    super("Too many tasks are running or waiting.");
    this.name = "GateFull";
  }
}

/**
 * At most `limit` tasks at once and `queue` more waiting, in arrival order; beyond that a task is refused
 * at once (GateFull) rather than piling up. Guards a costly local resource of one process (a browser, say):
 * it is a limit per instance, not shared state, so it is right to keep it in memory.
 */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.queue) throw new GateFull();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; only when none waits is it freed.
      if (next) next();
      else this.active--;
    }
  }
}
