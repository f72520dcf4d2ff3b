"use client";

/**
 * Downloads the chart inside the nearest `[data-chart-export]` container as a PNG. Chart.js draws on a
 * transparent canvas, so the picture is laid over white first — pasted into slides it stays readable.
 */
export function ExportPngButton({ fileName, label }: { fileName: string; label: string }) {
  const exportPng = (button: HTMLButtonElement) => {
    const source = button.closest("[data-chart-export]")?.querySelector("canvas");
    if (!source) return;
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    const link = document.createElement("a");
    link.href = canvas.toDataURL("image/png");
    link.download = `${fileName.replace(/[^\w.-]+/g, "-")}.png`;
    document.body.append(link);
    link.click();
    link.remove();
  };
  return (
    <button
      type="button"
      onClick={(e) => exportPng(e.currentTarget)}
      className="rounded px-1.5 py-0.5 text-xs font-medium text-blue-700 hover:bg-blue-50 hover:text-blue-900 print:hidden"
      aria-label={`Download the ${label} chart as PNG`}
    >
      PNG
    </button>
  );
}
