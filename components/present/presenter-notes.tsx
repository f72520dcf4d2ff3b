"use client";

import { useEffect, useRef, useState } from "react";
import { channelName, commandForKey, type PresenterMessage } from "./slides";

type State = Extract<PresenterMessage, { type: "state" }>;

/** The presenter's own window: the current slide's notes, what comes next, and controls for the deck. */
export function PresenterNotes({ deckId }: { deckId: string }) {
  const channelRef = useRef<BroadcastChannel | null>(null);
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    const channel = new BroadcastChannel(channelName(deckId));
    channelRef.current = channel;
    channel.onmessage = (e: MessageEvent<PresenterMessage>) => {
      if (e.data.type === "state") setState(e.data);
    };
    channel.postMessage({ type: "hello" } satisfies PresenterMessage);
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e.key);
      if (!command || command === "exit") return;
      e.preventDefault();
      channel.postMessage({ type: "goto", command } satisfies PresenterMessage);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      channel.close();
    };
  }, [deckId]);

  const send = (command: "next" | "previous") => channelRef.current?.postMessage({ type: "goto", command } satisfies PresenterMessage);
  if (!state) return <p role="status" className="text-lg text-slate-700">Waiting for the presentation window…</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600" aria-live="polite">Slide {state.index + 1} of {state.total}</p>
      <h1 className="text-2xl font-semibold text-slate-900">{state.title}</h1>
      <section aria-label="Speaker notes" className="min-h-40 whitespace-pre-line rounded-lg border border-slate-200 bg-amber-50 p-4 text-xl leading-relaxed text-slate-900">
        {state.notes || "No notes for this slide."}
      </section>
      <p className="text-sm text-slate-700">Next: {state.nextTitle ?? "end of the deck"}</p>
      <div className="flex gap-2">
        <button type="button" onClick={() => send("previous")} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">Previous</button>
        <button type="button" onClick={() => send("next")} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white">Next</button>
      </div>
    </div>
  );
}
