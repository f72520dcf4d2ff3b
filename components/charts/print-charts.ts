/**
 * Charts redrawn at the printed page's width: Chart.js sizes a canvas for the screen and does not notice
 * printing, so before the browser prints (and whenever print media starts or stops matching, as in a
 * headless PDF export) every chart measures its box again.
 */
import { Chart } from "chart.js";

let installed = false;

function resizeAll(): void {
  for (const chart of Object.values(Chart.instances)) chart.resize();
}

export function installPrintResize(): void {
  if (installed || typeof window === "undefined") return;
  installed = true;
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);
  window.matchMedia?.("print").addEventListener?.("change", resizeAll);
}
