"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { MarkerLegend } from "@/components/annotations/marker-legend";
import { latestState, soFarState, WITHHELD_TEXT } from "@/components/charts/shape";
import { useFormat } from "@/components/format/format-context";
import { TrendChart } from "@/components/charts/trend-chart";
import { channelName, commandForKey, nextIndex, type PresenterMessage, type PresentSlide, type SlideCommand } from "./slides";

/**
 * Full-screen slides for a projector: large type, white background, high-contrast lines. Arrow keys,
 * Space and PageUp/PageDown (what presentation clickers send) move between slides; Escape leaves.
 * Speaker notes never appear here: "Presenter view" opens a second window that follows the deck over a
 * BroadcastChannel and shows the notes, for the presenter's own screen.
 */
export function Presentation({ slides, deckId, exitHref }: { slides: PresentSlide[]; deckId: string; exitHref: string }) {
  const router = useRouter();
  const f = useFormat();
  const rootRef = useRef<HTMLDivElement>(null);
  const channelRef = useRef<BroadcastChannel | null>(null);
  const headingId = useId();
  const [index, setIndex] = useState(0);
  const slide = slides[index];

  const run = useCallback(
    (command: SlideCommand) => {
      if (command === "exit") {
        if (document.fullscreenElement) void document.exitFullscreen();
        else router.push(exitHref);
        return;
      }
      setIndex((i) => nextIndex(i, command, slides.length));
    },
    [router, exitHref, slides.length],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      // Buttons keep Enter and Space for themselves only when focused; the deck otherwise owns them.
      if (target?.tagName === "BUTTON" && (e.key === " " || e.key === "Enter")) return;
      const command = commandForKey(e.key);
      if (!command) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  const state = useCallback(
    (): PresenterMessage => ({
      type: "state", index, total: slides.length, title: slide?.title ?? "", notes: slide?.speakerNotes ?? "",
      nextTitle: slides[index + 1]?.title ?? null,
    }),
    [index, slide, slides],
  );

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(channelName(deckId));
    channelRef.current = channel;
    channel.onmessage = (e: MessageEvent<PresenterMessage>) => {
      if (e.data.type === "goto") run(e.data.command);
      if (e.data.type === "hello") channel.postMessage(state());
    };
    return () => {
      channel.close();
      channelRef.current = null;
    };
  }, [deckId, run, state]);

  useEffect(() => {
    channelRef.current?.postMessage(state());
  }, [state]);

  if (!slide) return <p className="text-lg text-slate-700">This deck has no slides.</p>;
  const latest = latestState(slide.series);
  const running = soFarState(slide.series);

  return (
    <div ref={rootRef} data-testid="presentation" className="fixed inset-0 z-50 flex flex-col bg-white text-slate-900">
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-8 py-3">
        <p className="text-base font-medium text-slate-700" aria-live="polite" data-testid="slide-counter">
          {index + 1} / {slides.length}
        </p>
        <div className="flex gap-2">
          <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium" onClick={() => void rootRef.current?.requestFullscreen?.()}>
            Full screen
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium"
            onClick={() => window.open(`/present/notes?deck=${encodeURIComponent(deckId)}`, `presenter-${deckId}`, "width=720,height=560")}
          >
            Presenter view
          </button>
          <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium" onClick={() => run("exit")}>
            Exit
          </button>
        </div>
      </div>
      <section aria-labelledby={headingId} aria-roledescription="slide" className="flex min-h-0 flex-1 flex-col gap-4 px-10 py-6">
        <div>
          <h1 id={headingId} data-testid="slide-title" className="text-4xl font-semibold tracking-tight">{slide.title}</h1>
          <p className="mt-1 text-xl text-slate-700">{slide.subtitle}</p>
        </div>
        <p className="text-5xl font-semibold tabular-nums">
          {latest.kind === "value" ? f.metric(slide.series.metric, latest.value) : latest.kind === "withheld" ? WITHHELD_TEXT[latest.reason] : "No data"}
          {latest.kind !== "none" && <span className="ml-3 text-2xl font-normal text-slate-600">{latest.label}</span>}
        </p>
        {running && (
          <p className="text-xl text-slate-600" data-testid="slide-so-far">
            {running.label} so far: <span className="tabular-nums">{f.metric(slide.series.metric, running.value)}</span>
          </p>
        )}
        <div className="min-h-0 flex-1">
          <TrendChart key={index} series={slide.series} markers={slide.markers} height={360} />
        </div>
        <div className="text-lg">
          <MarkerLegend markers={slide.markers} points={slide.series.points} label="Notes on this chart" />
        </div>
        {slide.narrative && <p className="max-w-5xl whitespace-pre-line text-2xl leading-snug text-slate-800">{slide.narrative}</p>}
      </section>
      <p className="px-8 pb-3 text-sm text-slate-600">← → Space PageUp PageDown to move · Esc to leave</p>
    </div>
  );
}
