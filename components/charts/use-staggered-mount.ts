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

export function useStaggeredMount(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    queue.push(() => {
      if (active) setReady(true);
    });
    schedule();
    return () => {
      active = false;
    };
  }, []);
  return ready;
}
