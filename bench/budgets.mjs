// The performance budgets of the portal (the performance issue), checked by bench/harness.mjs
// against the figures of one run. A budget missed fails the benchmark and so the test command.
const KiB = 1024;
const MiB = 1024 * KiB;

/** Each budget: the figure it reads, the limit as written, and whether a figure meets it. */
export const BUDGETS = [
  { key: "firstView", name: "first view transferred", budget: "≤ 200 KiB", met: (x) => x <= 200 * KiB, show: (x) => `${(x / KiB).toFixed(1)} KiB` },
  { key: "firstViewRatio", name: "first view, portal / ECharts page", budget: "≤ 0.6 × ECharts", met: (x) => x <= 0.6, show: (x) => x.toFixed(2) },
  { key: "lcp", name: "LCP under the mobile preset", budget: "≤ 1800 ms", met: (x) => x <= 1800, show: (x) => `${x.toFixed(0)} ms` },
  { key: "cls", name: "CLS under the mobile preset", budget: "0", met: (x) => x === 0, show: (x) => x.toFixed(3) },
  { key: "mapRatio", name: "county map painted (data ready → painted), portal / ECharts page", budget: "≤ 0.5 × ECharts", met: (x) => x <= 0.5, show: (x) => x.toFixed(2) },
  { key: "recolour", name: "recolour", budget: "≤ 30 ms", met: (x) => x <= 30, show: (x) => `${x.toFixed(1)} ms` },
  { key: "rowsPerSecond", name: "parse + validate", budget: "≥ 500,000 rows/s", met: (x) => x >= 500_000, show: (x) => `${Math.round(x)} rows/s` },
  { key: "memory", name: "JS heap + wasm memory after the county map", budget: "≤ 30 MiB", met: (x) => x <= 30 * MiB, show: (x) => `${(x / MiB).toFixed(1)} MiB` },
];

/** Budgets this build does not meet yet, with what the gap is made of (BENCHMARKS.md says more).
 *  They are measured and shown as missed on every run, but do not fail it; any other budget
 *  missed fails the benchmark. A gap that closes is reported, to be taken off this list. */
export const KNOWN_GAPS = {};

/** Every budget's verdict on `figures` (an object with a number for each budget's key). A figure
 *  that is missing or not a number misses its budget. */
export function check(figures) {
  return BUDGETS.map((b) => {
    const x = figures[b.key];
    const measured = typeof x === "number" && Number.isFinite(x);
    return { key: b.key, name: b.name, budget: b.budget, met: measured && b.met(x), shown: measured ? b.show(x) : "not measured", gap: KNOWN_GAPS[b.key] ?? null };
  });
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}
