"use client";

import { useEffect, useState } from "react";

/**
 * Charts mount one per idle slot instead of all in the page's first task: a dashboard of 17 canvases built at
 * once blocks the main thread for the whole batch, one at a time keeps every task short and the page
 * responsive while they appear. Each waits at most `MAX_WAIT_MS` for an idle slot.
 */
const MAX_WAIT_MS = 50;
const queue: (() => void)[] = [];
let scheduled = false;

function pump(): void {
  scheduled = false;
  queue.shift()?.();
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(pump, { timeout: MAX_WAIT_MS });
  else window.setTimeout(pump, 1);
}

/**
 * True once this component's idle slot has come. With `after` (e.g. loading the chart's code), the component
 * queues only once that has settled, so charts whose code arrives together still mount one per slot.
 */
export function useStaggeredMount(after?: () => Promise<unknown>): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    const enqueue = () => {
      if (!active) return;
      queue.push(() => {
        if (active) setReady(true);
      });
      schedule();
    };
    if (after) void after().then(enqueue, enqueue);
    else enqueue();
    return () => {
      active = false;
    };
  }, [after]);
  return ready;
}
