// `tsx bench/browser-open-demo.ts [--dist DIR] [--runs N] [--settle MS] [--trace [--profile] [--trace-out PREFIX]]`: serves a built app (default
// dist/; build elsewhere with `vite build --outDir DIR`) with vite preview and opens the demo in
// fresh headless Chromium profiles. Measures navigation → the results table holding every demo
// community, and says where the time went: the script download and evaluation, the demo data
// fetches, the loader's own marks (`demo:*`), every analysis-worker request and its answer, and
// the main thread's long tasks. With --trace it also sums the main thread's work by kind from a
// Chromium trace, and with --profile the functions that took the main thread's time until then (a
// CPU profile: build with `--minify false` for readable names). Prints a human summary per run, then one JSON line with the median.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const dist = resolve(option('dist', 'dist'));
const runs = Number(option('runs', '3'));
const withTrace = argv.includes('--trace');
const withProfile = argv.includes('--profile');
/** Milliseconds between starting the browser and navigating: 0 measures a cold start, as a first visit after a browser launch is. */
const settleMs = Number(option('settle', '0'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`error: ${dist}/index.html is missing: build first (npx vite build --outDir ${dist})`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('data/demo/manifest.json', 'utf8')) as { counts: { communities: number } };
const expectedRows = manifest.counts.communities;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

// Runs in the page before any of its scripts: notes when the table first has rows and when it
// has them all (a MutationObserver, so no polling delay and no dependence on animation frames),
// every message to and from the analysis worker, and long tasks.
const INSTRUMENT = `(() => {
  const expected = ${expectedRows};
  const log = (window.__bench = { firstRow: null, filled: null, framed: null, messages: [], longTasks: [] });
  const observer = new MutationObserver(() => {
    const n = document.querySelectorAll('[data-testid="community-table"] tbody tr').length;
    if (n > 0 && log.firstRow === null) log.firstRow = performance.now();
    if (n < expected) return;
    observer.disconnect();
    log.filled = performance.now();
    // Also when it can first be seen: the first frame after it (a long task after it, or a GPU
    // process still starting, delays that).
    requestAnimationFrame(() => setTimeout(() => (log.framed = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
  // What the start waits on besides scripts, data and the worker: the tab lock and IndexedDB.
  const mark = (name) => performance.mark('bench:' + name);
  if (navigator.locks) {
    const request = navigator.locks.request.bind(navigator.locks);
    navigator.locks.request = (name, options, callback) => {
      if (typeof options === 'function') [options, callback] = [{}, options];
      mark('lock requested');
      return request(name, options, (lock) => (mark(lock ? 'lock granted' : 'lock not available'), callback(lock)));
    };
  }
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...args) => {
    mark('indexedDB.open');
    const request = open(...args);
    request.addEventListener('success', () => mark('indexedDB opened'));
    return request;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    const mode = args[1] || 'readonly';
    mark('IDB ' + mode + ' transaction');
    tx.addEventListener('complete', () => mark('IDB ' + mode + ' transaction complete'));
    return tx;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  const Native = window.Worker;
  const names = new Map();
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (d && typeof d === 'object' && typeof d.id === 'number' && 'ok' in d) {
          const r = d.result;
          log.messages.push({ at: performance.now(), dir: 'in', id: d.id, type: names.get(d.id), workerMs: r && typeof r.ms === 'number' ? r.ms : undefined });
        }
      });
    }
    postMessage(data, transfer) {
      if (data && typeof data === 'object' && typeof data.id === 'number' && typeof data.type === 'string') {
        names.set(data.id, data.type);
        log.messages.push({ at: performance.now(), dir: 'out', id: data.id, type: data.type });
      }
      return super.postMessage(data, transfer);
    }
  };
})();`;

interface RunResult {
  ms: number;
  /** The first frame after the table filled. */
  frameMs: number;
  firstRowMs: number;
  wallMs: number;
  timeline: [number, string][];
  longTasks: [number, number][];
  traceSummary?: Record<string, number>;
  profileSummary?: string[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function, and total time by the file a frame's function lives in. */
function profileSummary(profile: CpuProfile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
  }
  // Inclusive time of the frames whose function names are given (top-level entry points).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${Math.round(v).toString().padStart(6)} ms  ${k}`);
  return ['self time:', ...top(fn, 30), 'inclusive time:', ...top(inclusive, 60)];
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

function traceSummary(events: TraceEvent[]): Record<string, number> {
  // The renderer main thread is the one running the page's top-level tasks (most RunTask time).
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threadNames.set(`${e.pid}:${e.tid}`, 'main');
  const sums: Record<string, number> = {};
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || threadNames.get(`${e.pid}:${e.tid}`) !== 'main') continue;
    const key = [
      'EvaluateScript',
      'v8.compile',
      'v8.compileModule',
      'v8.evaluateModule',
      'FunctionCall',
      'MinorGC',
      'MajorGC',
      'V8.GC_SCAVENGER',
      'ParseHTML',
      'Layout',
      'UpdateLayoutTree',
      'Paint',
      'RunTask',
      'TimerFire',
      'FireAnimationFrame',
      'EventDispatch',
      'ParseAuthorStyleSheet',
    ].includes(e.name)
      ? e.name
      : null;
    if (key) sums[key] = (sums[key] ?? 0) + e.dur / 1000;
  }
  for (const k of Object.keys(sums)) sums[k] = Math.round(sums[k]!);
  return sums;
}

async function collect(page: Page): Promise<Omit<RunResult, 'wallMs' | 'traceSummary'>> {
  // Passed as source text: the TypeScript runner would otherwise inject helpers the page lacks.
  return await page.evaluate<Omit<RunResult, 'wallMs' | 'traceSummary'>>(`(() => {
    const b = window.__bench;
    const t = [];
    const short = (u) => u.replace(/^.*\\//, '').replace(/\\?.*$/, '');
    const nav = performance.getEntriesByType('navigation')[0];
    t.push([Math.round(nav.responseEnd), 'index.html received']);
    for (const r of performance.getEntriesByType('resource')) {
      if (!/\\.(js|mjs|css|geojson|json|bin|wasm|fgb)(\\?|$)/.test(r.name)) continue;
      t.push([Math.round(r.startTime), 'fetch ' + short(r.name) + ' (' + Math.round((r.encodedBodySize || r.transferSize) / 1024) + ' KB) …']);
      t.push([Math.round(r.responseEnd), '… ' + short(r.name) + ' received after ' + Math.round(r.responseEnd - r.startTime) + ' ms']);
    }
    for (const m of performance.getEntriesByType('mark')) t.push([Math.round(m.startTime), 'mark ' + m.name]);
    for (const m of performance.getEntriesByType('measure')) t.push([Math.round(m.startTime), 'measure ' + m.name + ' ' + Math.round(m.duration) + ' ms']);
    for (const p of performance.getEntriesByType('paint')) t.push([Math.round(p.startTime), p.name]);
    t.push([Math.round(nav.domContentLoadedEventEnd), 'DOMContentLoaded end']);
    for (const m of b.messages) t.push([Math.round(m.at), (m.dir === 'out' ? 'worker ← ' : 'worker → ') + m.type + '#' + m.id + (m.workerMs !== undefined ? ' (worker ' + Math.round(m.workerMs) + ' ms)' : '')]);
    if (b.firstRow !== null) t.push([Math.round(b.firstRow), 'first table row']);
    t.push([Math.round(b.filled), 'TABLE FILLED (every row in the DOM)']);
    t.push([Math.round(b.framed), 'first frame after the table filled']);
    t.sort((x, y) => x[0] - y[0]);
    return { ms: b.filled, frameMs: b.framed, firstRowMs: b.firstRow, timeline: t, longTasks: b.longTasks };
  })()`);
}

const port = await freePort();
const server = spawn(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--outDir',
    dist,
    '--port',
    String(port),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  { stdio: 'ignore' },
);
const url = `http://127.0.0.1:${port}/`;
const results: RunResult[] = [];
try {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  for (let run = 0; run < runs; run++) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-open-demo-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(INSTRUMENT);
      const cdp = withTrace ? await context.newCDPSession(page) : null;
      const traceEvents: TraceEvent[] = [];
      if (cdp) {
        cdp.on('Tracing.dataCollected', (e) => void traceEvents.push(...(e.value as unknown as TraceEvent[])));
        await cdp.send('Tracing.start', {
          categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline,__metadata',
          transferMode: 'ReportEvents',
        });
      }
      if (withProfile && cdp === null) throw new Error('--profile needs --trace');
      if (cdp && withProfile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      }
      // A browser that has only just started is still bringing up its GPU process and storage:
      // with --settle its first frame and first storage access are not counted against the app.
      if (settleMs > 0) await page.waitForTimeout(settleMs);
      const t0 = Date.now();
      await page.goto(url);
      await page.waitForFunction('window.__bench && window.__bench.filled !== null', undefined, {
        timeout: 120_000,
        polling: 20,
      });
      const wallMs = Date.now() - t0;
      await page.waitForFunction('window.__bench.framed !== null', undefined, { timeout: 60_000, polling: 20 });
      const result: RunResult = { ...(await collect(page)), wallMs };
      if (cdp && withProfile)
        result.profileSummary = profileSummary(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      if (cdp) {
        const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
        await cdp.send('Tracing.end');
        await done;
        result.traceSummary = traceSummary(traceEvents);
        const out = option('trace-out', '');
        if (out) writeFileSync(`${out}-${run + 1}.json`, JSON.stringify({ traceEvents }));
      }
      results.push(result);
      console.log(
        `run ${run + 1}: table filled ${Math.round(result.ms)} ms after navigation start (first row ${Math.round(result.firstRowMs)} ms, first frame after it ${Math.round(result.frameMs)} ms; ${wallMs} ms from page.goto)`,
      );
      for (const [at, what] of result.timeline) console.log(`  ${String(at).padStart(6)} ms  ${what}`);
      const long = result.longTasks.filter(([at]) => at <= result.ms);
      console.log(
        `  long tasks before the table was filled: ${long.map(([at, d]) => `${d} ms @${at}`).join(', ') || 'none'} (sum ${long.reduce((s, [, d]) => s + d, 0)} ms)`,
      );
      if (result.profileSummary) console.log(result.profileSummary.map((l) => `  ${l}`).join('\n'));
      if (result.traceSummary)
        console.log(`  main thread by kind (ms, nested kinds overlap): ${JSON.stringify(result.traceSummary)}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  server.kill();
}
const ms = results.map((r) => Math.round(r.ms));
const median = ms.slice().sort((a, b) => a - b)[ms.length >> 1]!;
console.log(
  `open-demo: ${median} ms median from navigation to a filled results table (${expectedRows} communities), runs ${ms.join(', ')} ms`,
);
console.log(
  JSON.stringify({
    name: 'open-demo',
    settle_ms: settleMs,
    ms: median,
    runs: ms,
    first_frame_ms: results.map((r) => Math.round(r.frameMs)),
    first_row_ms: results.map((r) => Math.round(r.firstRowMs)),
    wall_ms: results.map((r) => r.wallMs),
  }),
);
