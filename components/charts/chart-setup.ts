/**
 * Registers the Chart.js pieces the app uses, once, when the first chart module loads. Importing only
 * what is drawn keeps the bundle small (Chart.js is tree-shakeable only with explicit registration).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import annotationPlugin from "chartjs-plugin-annotation";
import { GeistSans } from "geist/font/sans";
import { installPrintResize } from "./print-charts";
import { chartTheme } from "./theme";

let registered = false;

export function ensureChartsRegistered(): void {
  if (registered) return;
  Chart.register(
    LineController,
    LineElement,
    PointElement,
    BarController,
    BarElement,
    CategoryScale,
    LinearScale,
    Filler,
    Tooltip,
    Legend,
    annotationPlugin,
  );
  Chart.defaults.color = chartTheme.tick;
  Chart.defaults.borderColor = chartTheme.grid;
  // Canvas text needs the generated family name of the self-hosted font, not the CSS variable.
  Chart.defaults.font.family = `${GeistSans.style.fontFamily}, system-ui, sans-serif`;
  installPrintResize();
  registered = true;
}

ensureChartsRegistered();
