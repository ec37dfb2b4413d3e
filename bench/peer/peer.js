// The ECharts peer page: the portal's overview line chart (national series) and its county
// choropleth, drawn with Apache ECharts from the same data package and boundary files, so a
// benchmark can compare the two. Not part of the portal.
//
//   /peer/?data=URL_OF_DATAPACKAGE_JSON        (default /data/datapackage.json)
//         &view=overview                       (default) the two aligned panels of the national series
//         &view=map&indicator=ID&period=YYYY   the county choropleth (defaults: as the portal picks)
//         &view=fetch                          no chart: every file of the package fetched and read
//                                              to its last byte, nothing parsed (the floor any page
//                                              reading the package meets)
//
// Performance marks: gk:data-ready (files fetched and parsed; for the map, boundaries converted to
// GeoJSON too), then gk:chart-painted or gk:map-painted (the first frame painted after ECharts'
// `finished` event). At the end <html data-ready="1">, or data-ready="error" with the error shown.
/* global echarts, topojson */

const html = document.documentElement;
const status = document.getElementById("status");
const box = document.getElementById("chart");
const params = new URLSearchParams(location.search);
const descriptorUrl = new URL(params.get("data") || "/data/datapackage.json", location.href);

let failed = false;
function fail(error) {
  if (failed) return;
  failed = true;
  status.textContent = `出错 · Error: ${error?.message ?? String(error)}`;
  status.className = "error";
  html.dataset.ready = "error";
}
window.addEventListener("error", (e) => fail(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => fail(e.reason));

async function fetchText(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`${url}: ${e.message}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

async function fetchJson(url) {
  const text = await fetchText(url);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${url}: ${e.message}`);
  }
}

/** The records of CSV `text` (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF and a BOM are read). */
export function parseCsv(text, file = "CSV") {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = [];
  let record = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field;
    if (text.charCodeAt(i) === 34) {
      field = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error(`${file}: a quoted field is never closed`);
        field += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      for (let c = text.charCodeAt(j); j < n && c !== 44 && c !== 10 && c !== 13; c = text.charCodeAt(++j));
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i === n) record.push("");
    } else if (c === 10 || c === 13 || i >= n) {
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      if (!(record.length === 1 && record[0] === "")) records.push(record);
      record = [];
    } else {
      throw new Error(`${file}: text after a closing quote in record ${records.length + 1}`);
    }
  }
  return records;
}

/** A CSV table: its rows and a column getter that says which file lacks a column. */
function table(file, records) {
  const [header = [], ...rows] = records;
  const column = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column “${name}”`);
    return i;
  };
  return { rows, column };
}

/** Fetches the descriptor and the named resources, each parsed as soon as it arrives. */
async function loadPackage(names) {
  const descriptor = await fetchJson(descriptorUrl);
  const tables = await Promise.all(
    names.map(async (name) => {
      const resource = (descriptor.resources ?? []).find((r) => r.name === name);
      if (!resource?.path) throw new Error(`${descriptorUrl}: no resource “${name}” with a path`);
      const url = new URL(resource.path, descriptorUrl);
      return table(resource.path, parseCsv(await fetchText(url), resource.path));
    }),
  );
  return Object.fromEntries(names.map((name, i) => [name, tables[i]]));
}

// Units that are shown in 万 or 亿 when large (format::scales), and the portal's unit words.
const SCALED = new Set(["persons", "households", "person_times", "yuan", "count", "head", "mu"]);
const UNIT = { persons: "人", households: "户", person_times: "人次", yuan: "元", count: "个", head: "头", mu: "亩", percent: "%", times: "倍", yuan_per_person_year: "元/人·年", yuan_per_household_year: "元/户·年", head_per_person: "头/人" };

/** The factor and unit label for `values` (format::Scale::for_range, in Chinese). */
function scaleFor(unit, values) {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).map(Math.abs);
  const word = UNIT[unit] ?? unit;
  if (!SCALED.has(unit) || positive.length === 0) return { factor: 1, label: word };
  const ladder = [[1e12, "万亿"], [1e8, "亿"], [1e4, "万"], [1, ""]];
  const max = Math.max(...positive), min = Math.min(...positive);
  let k = ladder.findIndex(([f]) => max >= f);
  if (k < 0) k = ladder.length - 1;
  while (k < ladder.length - 1 && min / ladder[k][0] < 0.01) k++;
  return { factor: ladder[k][0], label: ladder[k][1] + word };
}

/** A value in its scale with at most 2 + log10(factor) decimals, trailing zeros dropped (format::number). */
function shown(value, factor) {
  const decimals = 2 + Math.max(0, Math.round(Math.log10(factor)));
  return String(Number((value / factor).toFixed(decimals)));
}

/** Calls `done` at the first frame painted after ECharts has finished rendering `chart`. */
function whenPainted(chart, done) {
  let seen = false;
  chart.on("finished", () => {
    if (seen) return;
    seen = true;
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}

function finish(mark, details) {
  performance.mark(mark);
  Object.assign(html.dataset, details);
  status.textContent = "";
  status.hidden = true;
  html.dataset.ready = "1";
}

/** A period as written (`2018`, `2018-12`, `2018-12-31`) → [year, month], or null for a range. */
function date(period) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(period);
  return m ? [Number(m[1]), m[2] ? Number(m[2]) : 12] : null;
}

// --- overview: the national series, as poverty::national_series draws it -------------------------

const SERIES = ["rural_poor_population", "rural_poverty_headcount_rate"];
const COLOURS = ["#0072b2", "#d55e00"];
const LABELLED = 14;

async function overview() {
  const { regions, indicators, observations } = await loadPackage(["regions", "indicators", "observations"]);
  const [rCode, rName, rLevel] = ["code", "name_zh_hans", "level"].map(regions.column);
  const country = regions.rows.find((r) => r[rLevel] === "country");
  if (!country) throw new Error("regions.csv: no region of level “country”");
  const [iId, iName, iUnit] = ["id", "name_zh_hans", "unit"].map(indicators.column);
  const [oRegion, oIndicator, oPeriod, oValue] = ["region", "indicator", "period", "value"].map(observations.column);
  const panels = [];
  for (const id of SERIES) {
    const indicator = indicators.rows.find((r) => r[iId] === id);
    if (!indicator) continue;
    const points = [];
    for (const r of observations.rows) {
      if (r[oRegion] !== country[rCode] || r[oIndicator] !== id) continue;
      const d = date(r[oPeriod]);
      const value = Number(r[oValue]);
      if (d && r[oValue] !== "" && Number.isFinite(value)) points.push([d[0] + (d[1] - 12) / 12, value]);
    }
    points.sort((a, b) => a[0] - b[0]);
    if (points.length >= 2) panels.push({ name: indicator[iName], unit: indicator[iUnit], points });
  }
  performance.mark("gk:data-ready");
  if (panels.length === 0) throw new Error(`没有全国序列数据 · the package has no national series (${SERIES.join(", ")}) for ${country[rName]}`);

  const xs = panels.flatMap((p) => p.points.map((q) => q[0]));
  const start = Math.floor(Math.min(...xs)), end = Math.ceil(Math.max(...xs));
  const [TOP, TITLE, PLOT, GAP, AXIS] = [60, 28, 150, 14, 28];
  const height = TOP + (TITLE + PLOT + GAP) * panels.length + AXIS;
  const title = [{ text: "全国农村贫困人口和贫困发生率", subtext: `${country[rName]}，${start}—${end}年，年末数（现行标准）`, left: 8, top: 0 }];
  const grid = [], xAxis = [], yAxis = [], series = [];
  panels.forEach((panel, p) => {
    const { factor, label } = scaleFor(panel.unit, panel.points.map((q) => q[1]));
    const top = TOP + (TITLE + PLOT + GAP) * p;
    title.push({ text: `${panel.name}（${label}）`, left: 8, top, textStyle: { fontSize: 14 } });
    // 12 pixels above each plot keep the top point's label clear of the panel's title.
    grid.push({ left: 52, right: 28, top: top + TITLE + 12, height: PLOT - 12 });
    const last = p === panels.length - 1;
    xAxis.push({ gridIndex: p, type: "value", min: start, max: end, interval: 1, axisLabel: { show: last, formatter: (v) => String(v) }, splitLine: { show: false } });
    yAxis.push({ gridIndex: p, type: "value", splitNumber: 3, axisLabel: { formatter: (v) => String(v) } });
    series.push({
      name: panel.name,
      type: "line",
      xAxisIndex: p,
      yAxisIndex: p,
      color: COLOURS[p % COLOURS.length],
      symbol: p % 2 === 0 ? "circle" : "rect",
      symbolSize: 8,
      lineStyle: { width: 2 },
      label: { show: panel.points.length <= LABELLED, position: "top", formatter: ({ value }) => shown(value[1] * factor, factor) },
      data: panel.points.map(([x, v]) => [x, v / factor]),
    });
  });
  box.style.height = `${height}px`;
  const chart = echarts.init(box, null, { renderer: "canvas" });
  whenPainted(chart, () => finish("gk:chart-painted", { points: String(panels.reduce((n, p) => n + p.points.length, 0)), panels: String(panels.length) }));
  chart.setOption({ animation: false, title, grid, xAxis, yAxis, series, tooltip: { trigger: "axis" } });
}

// --- map: the county choropleth, as map::choropleth classes it ------------------------------------

const BLUES = ["#4292c6", "#3281be", "#2171b5", "#1561a8", "#08519c", "#084083", "#08306b"];
const VIRIDIS = ["#1fa187", "#258d8b", "#2a788e", "#3a5f8b", "#414487", "#46286d", "#440154"];
const NO_DATA = "#d9d9d9";

/** Class edges of `values` in `k` quantiles (map::bins::edges). */
function quantileEdges(values, k) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const edges = [];
  for (let i = 0; i <= k; i++) edges.push(sorted[Math.floor(((sorted.length - 1) * i) / k)]);
  edges[k] = sorted[sorted.length - 1];
  const unique = edges.filter((e, i) => i === 0 || e !== edges[i - 1]);
  if (unique.length === 1) unique.push(unique[0]);
  return unique;
}

function colours(stops, n) {
  if (n === 1) return [stops[Math.floor(stops.length / 2)]];
  return Array.from({ length: n }, (_, i) => stops[Math.floor((i * (stops.length - 1)) / (n - 1))]);
}

/** Albers equal-area conic, 25°N/47°N, 105°E, unit sphere (geo::albers), y downwards for ECharts. */
function albers() {
  const rad = Math.PI / 180;
  const [p1, p2, l0] = [25 * rad, 47 * rad, 105 * rad];
  const n = (Math.sin(p1) + Math.sin(p2)) / 2;
  const c = Math.cos(p1) ** 2 + 2 * n * Math.sin(p1);
  const rho0 = Math.sqrt(c) / n;
  return {
    project: ([lon, lat]) => {
      const rho = Math.sqrt(c - 2 * n * Math.sin(lat * rad)) / n;
      const theta = n * (lon * rad - l0);
      return [rho * Math.sin(theta), -(rho0 - rho * Math.cos(theta))];
    },
    unproject: ([x, y]) => {
      const dy = rho0 + y;
      const rho = Math.hypot(x, dy);
      const theta = Math.atan2(x, dy);
      return [(l0 + theta / n) / rad, Math.asin((c - (rho * n) ** 2) / (2 * n)) / rad];
    },
  };
}

function loadScript(src) {
  return new Promise((ok, no) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = ok;
    script.onerror = () => no(new Error(`${src}: could not be loaded`));
    document.head.append(script);
  });
}

async function map() {
  const library = loadScript(new URL(html.dataset.topojson, import.meta.url).href);
  const geo = (path) => new URL(path, location.href).href;
  const china = fetchJson(geo("/geo/china.topo.json"));
  // Every province's county file, named from the first view's provinces as the portal does.
  const counties = china.then((topology) => {
    const provinces = topology.objects?.provinces?.geometries ?? [];
    if (provinces.length === 0) throw new Error(`${geo("/geo/china.topo.json")}: no provinces`);
    return Promise.all(provinces.map((g) => fetchJson(geo(`/geo/counties/${String(g.properties.adcode).slice(0, 2)}0000.topo.json`))));
  });
  const changes = fetchText(geo("/geo/adcode-changes.csv")).then((text) => table("adcode-changes.csv", parseCsv(text, "adcode-changes.csv")));
  const [pkg, files, moved] = await Promise.all([loadPackage(["regions", "indicators", "observations"]), counties, changes, library]);

  const features = [];
  for (const topology of files) {
    for (const object of Object.values(topology.objects ?? {})) {
      for (const f of topojson.feature(topology, object).features ?? []) if (f.properties?.level === "county") features.push(f);
    }
  }
  const { regions, indicators, observations } = pkg;
  const [rCode, rLevel] = ["code", "level"].map(regions.column);
  const county = new Set(regions.rows.filter((r) => r[rLevel] === "county").map((r) => r[rCode]));
  const [iId, iName, iUnit] = ["id", "name_zh_hans", "unit"].map(indicators.column);
  const [oRegion, oIndicator, oPeriod, oValue, oStatus, oPart] = ["region", "indicator", "period", "value", "status", "part_of"].map(observations.column);
  const shadeable = (r) => county.has(r[oRegion]) && r[oStatus] === "actual" && r[oPart] === "" && r[oValue] !== "";

  // The indicator and period: as asked, else as the portal picks (most counties, then the
  // indicators' order; the latest period).
  let id = params.get("indicator");
  let period = params.get("period");
  if (!id || !period) {
    const reach = new Map();
    for (const r of observations.rows) {
      if (!shadeable(r) || (id && r[oIndicator] !== id)) continue;
      const key = `${r[oIndicator]}\u0000${r[oPeriod]}`;
      reach.set(key, (reach.get(key) ?? 0) + 1);
    }
    const order = new Map(indicators.rows.map((r, i) => [r[iId], i]));
    const best = new Map();
    for (const [key, count] of reach) {
      const [ind, p] = key.split("\u0000");
      const b = best.get(ind) ?? { count: 0, latest: "" };
      best.set(ind, { count: Math.max(b.count, count), latest: (date(p)?.[0] ?? 0) >= (date(b.latest)?.[0] ?? 0) ? p : b.latest });
    }
    const ranked = [...best].sort((a, b) => b[1].count - a[1].count || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
    if (ranked.length === 0) throw new Error("没有区县数据 · the package has no county figures");
    id ??= ranked[0][0];
    period ??= best.get(id)?.latest;
  }
  const indicator = indicators.rows.find((r) => r[iId] === id);
  if (!indicator) throw new Error(`indicators.csv: no indicator “${id}”`);
  const renamed = new Map(moved.rows.map((r) => [r[moved.column("old")], r[moved.column("new")]]));
  const values = new Map();
  for (const r of observations.rows) {
    if (r[oIndicator] !== id || r[oPeriod] !== period || !shadeable(r)) continue;
    const code = renamed.get(r[oRegion]) ?? r[oRegion];
    const value = Number(r[oValue]);
    if (!values.has(code) && Number.isFinite(value)) values.set(code, value);
  }
  performance.mark("gk:data-ready");
  if (values.size === 0) throw new Error(`没有数据 · no county figures of “${id}” in ${period}`);

  echarts.registerMap("gk-counties", { type: "FeatureCollection", features });
  const drawn = new Set(features.map((f) => f.properties.adcode));
  const data = [...values].filter(([code]) => drawn.has(code)).map(([name, value]) => ({ name, value }));
  const unit = indicator[iUnit];
  const { factor, label } = scaleFor(unit, data.map((d) => d.value));
  const edges = quantileEdges(data.map((d) => d.value), Math.min(5, data.length));
  const classes = edges.length - 1;
  const palette = colours(unit === "yuan" ? VIRIDIS : BLUES, classes);
  const pieces = palette.map((color, c) => {
    const [from, to] = [edges[c], edges[c + 1]];
    const text = from === to ? shown(from, factor) : `${shown(from, factor)}–${shown(to, factor)}`;
    return c === classes - 1 ? { gte: from, lte: to, color, label: text } : { gte: from, lt: to, color, label: text };
  });
  const names = new Map(features.map((f) => [f.properties.adcode, f.properties.name]));

  box.style.height = "760px";
  const chart = echarts.init(box, null, { renderer: "canvas" });
  whenPainted(chart, () => finish("gk:map-painted", { regions: String(features.length), withData: String(data.length), classes: String(classes) }));
  chart.setOption({
    animation: false,
    title: { text: `${indicator[iName]}（县级），${/^\d{4}$/.test(period) ? `${period}年` : period}`, subtext: `单位：${label}`, left: 8, top: 0 },
    tooltip: { trigger: "item", formatter: (p) => `${names.get(p.name) ?? p.name}：${Number.isFinite(p.value) ? shown(p.value, factor) + label : "无数据"}` },
    visualMap: { type: "piecewise", pieces, left: 8, bottom: 16, itemWidth: 18, itemHeight: 12 },
    series: [
      {
        type: "map",
        map: "gk-counties",
        nameProperty: "adcode",
        projection: albers(),
        roam: false,
        selectedMode: false,
        layoutCenter: ["50%", "54%"],
        layoutSize: "96%",
        itemStyle: { areaColor: NO_DATA, borderColor: "#ffffff", borderWidth: 0.2 },
        emphasis: { label: { show: false } },
        data,
      },
    ],
  });
}

// --- fetch: the package's bytes only ------------------------------------------------------------

/** Every file of the package fetched and read to its end, all at once after the descriptor; marks
 *  gk:data-ready when the last byte is in. */
async function fetchOnly() {
  const descriptor = await fetchJson(descriptorUrl);
  const paths = (descriptor.resources ?? []).map((r) => r.path).filter((p) => typeof p === "string");
  const sizes = await Promise.all(
    paths.map(async (path) => {
      const url = new URL(path, descriptorUrl);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
      return (await response.arrayBuffer()).byteLength;
    }),
  );
  finish("gk:data-ready", { files: String(paths.length), bytes: String(sizes.reduce((a, b) => a + b, 0)) });
}

try {
  if (typeof echarts === "undefined") throw new Error("echarts.min.js did not load");
  const view = params.get("view") ?? "overview";
  if (view === "overview") await overview();
  else if (view === "map") await map();
  else if (view === "fetch") await fetchOnly();
  else throw new Error(`unknown view “${view}” (overview, map or fetch)`);
} catch (e) {
  fail(e);
}
