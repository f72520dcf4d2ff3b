/**
 * A chart as a PNG for a slide deck (presentation.md rule 8): drawn again offscreen at 1600 px wide (800 CSS
 * px at 2×), on an opaque white background, with its title, scope, filters, period, unit, legend, the key
 * to its markers and the organisation's name — so the picture still says what it is once it leaves Pillars.
 * Browser-only (Chart.js and a canvas).
 */
import { Chart, type ChartConfiguration } from "chart.js";
import { formatDateTime, type FormatSettings } from "@/lib/format";
import "./chart-setup";

export const EXPORT_CSS_WIDTH = 800;
export const EXPORT_SCALE = 2;
const CHART_CSS_HEIGHT = 400;
const PAD = 24;

/** What a chart's picture shows: its Chart.js configuration and the words around it. */
export interface PngSource {
  config: ChartConfiguration<"line", (number | null)[], string>;
  /** What the chart shows, e.g. "Change failure rate". */
  title: string;
  /** Lines under the title: scope, filters, period, unit. */
  details: string[];
  /** The key to numbered markers, one line each. */
  keyLines?: string[];
}

export interface PngContext {
  orgName: string;
  settings: FormatSettings;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Renders the chart offscreen with Chart.js at export size and returns its canvas (already 2×). */
function renderChart(config: PngSource["config"]): { canvas: HTMLCanvasElement; destroy: () => void } {
  const host = document.createElement("div");
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${EXPORT_CSS_WIDTH}px;height:${CHART_CSS_HEIGHT}px;`;
  const canvas = document.createElement("canvas");
  canvas.width = EXPORT_CSS_WIDTH;
  canvas.height = CHART_CSS_HEIGHT;
  host.append(canvas);
  document.body.append(host);
  const chart = new Chart(canvas, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      devicePixelRatio: EXPORT_SCALE,
      animation: false,
      plugins: { ...config.options?.plugins, legend: { ...config.options?.plugins?.legend, display: true } },
    },
  });
  return {
    canvas,
    destroy: () => {
      chart.destroy();
      host.remove();
    },
  };
}

/** Draws the whole picture and returns it as a PNG blob. */
export async function chartPng(source: PngSource, context: PngContext, now: Date): Promise<Blob> {
  const { canvas: chartCanvas, destroy } = renderChart(source.config);
  try {
    const s = EXPORT_SCALE;
    const width = EXPORT_CSS_WIDTH * s;
    const out = document.createElement("canvas");
    const ctx = out.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw the picture.");
    const family = Chart.defaults.font.family ?? "sans-serif";
    const textWidth = width - 2 * PAD * s;

    // Measure first, then size the canvas (resizing clears it).
    ctx.font = `600 ${22 * s}px ${family}`;
    const titleLines = wrap(ctx, source.title, textWidth);
    ctx.font = `${13 * s}px ${family}`;
    const detailLines = source.details.flatMap((d) => wrap(ctx, d, textWidth));
    ctx.font = `${12 * s}px ${family}`;
    const keyLines = (source.keyLines ?? []).flatMap((k) => wrap(ctx, k, textWidth));
    const headerHeight = PAD * s + titleLines.length * 28 * s + detailLines.length * 18 * s + 12 * s;
    const keyHeight = keyLines.length ? keyLines.length * 16 * s + 12 * s : 0;
    const footerHeight = 36 * s;
    out.width = width;
    out.height = headerHeight + chartCanvas.height + keyHeight + footerHeight;

    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.textBaseline = "top";
    let y = PAD * s;
    ctx.fillStyle = "#0f172a";
    ctx.font = `600 ${22 * s}px ${family}`;
    for (const line of titleLines) {
      ctx.fillText(line, PAD * s, y);
      y += 28 * s;
    }
    ctx.fillStyle = "#334155";
    ctx.font = `${13 * s}px ${family}`;
    for (const line of detailLines) {
      ctx.fillText(line, PAD * s, y);
      y += 18 * s;
    }
    y = headerHeight;
    ctx.drawImage(chartCanvas, 0, y);
    y += chartCanvas.height + 12 * s;
    ctx.fillStyle = "#334155";
    ctx.font = `${12 * s}px ${family}`;
    for (const line of keyLines) {
      ctx.fillText(line, PAD * s, y);
      y += 16 * s;
    }
    ctx.fillStyle = "#475569";
    ctx.font = `${11 * s}px ${family}`;
    const footer = [context.orgName, `exported ${formatDateTime(now, context.settings.timeZone)}`, "Pillars"].filter(Boolean).join(" · ");
    ctx.fillText(footer, PAD * s, out.height - footerHeight + 10 * s);

    return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error("The picture could not be encoded."))), "image/png"));
  } finally {
    destroy();
  }
}
