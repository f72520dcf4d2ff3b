import { RANGE_KEYS, RANGE_LABELS } from "@/lib/metrics/series-types";
import { formatDate } from "@/lib/format";

const FIELD = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm";
const LABEL = "mb-1 block text-xs font-medium text-slate-700";

interface ChooserProps {
  packs: { id: string; title: string; date: string }[];
  scopes: { value: string; label: string }[];
  metrics: { key: string; name: string }[];
}

/** Pick what to present: a saved pack (frozen numbers) or a set of live charts. Plain GET forms. */
export function PresentChooser({ packs, scopes, metrics }: ChooserProps) {
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Present</h1>
        <p className="text-sm text-slate-600">Full-screen slides for a meeting room projector. Speaker notes open in a separate presenter window.</p>
      </div>
      <form method="get" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold text-slate-900">A meeting pack</h2>
        {packs.length === 0 ? (
          <p className="text-sm text-slate-600">No packs saved yet.</p>
        ) : (
          <>
            <div>
              <label htmlFor="present-pack" className={LABEL}>Pack</label>
              <select id="present-pack" name="pack" className={FIELD}>
                {packs.map((p) => (
                  <option key={p.id} value={p.id}>{p.title} ({formatDate(p.date)})</option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">Present the pack</button>
          </>
        )}
      </form>
      <form method="get" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold text-slate-900">Live charts</h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="present-scope" className={LABEL}>Scope</label>
            <select id="present-scope" name="scope" className={FIELD}>
              {scopes.map((s) => (
                <option key={s.value} value={s.value}>{s.label}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="present-range" className={LABEL}>Range</label>
            <select id="present-range" name="range" defaultValue="6m" className={FIELD}>
              {RANGE_KEYS.map((r) => (
                <option key={r} value={r}>{RANGE_LABELS[r]}</option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend className={LABEL}>Charts (one slide each)</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {metrics.map((m) => (
              <label key={m.key} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="metrics" value={m.key} /> {m.name}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">Present these charts</button>
      </form>
    </div>
  );
}
