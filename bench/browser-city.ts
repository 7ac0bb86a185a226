// `npm run bench:browser`: opens the synthetic city (npm run data:city) in headless Chromium,
// then edits five communities in turn through the plan's write path and reports the time until
// each analysis is back and every main-thread long task (> 50 ms) seen during the edits. Needs the test
// build, which exposes window.__app (npm run build:e2e), and Debian's Chromium. Prints one JSON line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

if (!existsSync('.cache/e2e-dist/city/households.fgb')) {
  console.error('error: run "npm run data:city" and then "npm run build:e2e" first (.cache/e2e-dist/city/ is missing)');
  process.exit(1);
}
const port = 4000 + Math.floor(Math.random() * 1000);
const server = spawn(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--outDir',
    '.cache/e2e-dist',
    '--port',
    String(port),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, 2500));
const profile = mkdtempSync(join(tmpdir(), 'bench-city-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(`window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });`);
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/?city`);
  // Poll on a timer: rAF polling would wait on software-rendered frames of a million points.
  await page.waitForFunction(
    `window.__app && window.__app.plan.version > 0 && window.__app.analysis.pending === 0 && document.querySelectorAll('[data-testid="community-table"] tbody tr').length >= 300`,
    undefined,
    { timeout: 300_000, polling: 250 },
  );
  const loadMs = Date.now() - t0;
  const loadLongTasks = await page.evaluate<number[]>('window.__long.slice()');
  await page.waitForTimeout(3000);
  // Five edits of different communities, each grown by 15 %, one after another.
  const edits: { ms: number; workerMs: number; longTasks: number[] }[] = [];
  for (const id of ['S150', 'S037', 'S222', 'S099', 'S260']) {
    const before = await page.evaluate<number>('window.__long.length');
    // Passed as source text: the TypeScript runner would otherwise inject helpers the page lacks.
    const edit = await page.evaluate<{ ms: number; workerMs: number }>(`(async () => {
      const app = window.__app;
      const c = app.plan.layers.communities.find((x) => x.id === '${id}');
      const ring = c.geometry.coordinates[0];
      const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      const geometry = { type: 'Polygon', coordinates: [ring.map(([x, y]) => [cx + (x - cx) * 1.15, cy + (y - cy) * 1.15])] };
      const t = performance.now();
      app.plan.commit({ label: 'grow ${id}', changes: [{ kind: 'put', layer: 'communities', unit: { ...c, geometry } }] });
      await new Promise((resolve) => {
        const check = () => (app.analysis.pending === 0 ? resolve() : setTimeout(check, 5));
        setTimeout(check, 5);
      });
      return { ms: performance.now() - t, workerMs: app.analysis.lastMs };
    })()`);
    await page.waitForTimeout(1500);
    edits.push({ ...edit, longTasks: await page.evaluate<number[]>(`window.__long.slice(${before})`) });
  }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
  const longTasks = edits.flatMap((e) => e.longTasks);
  console.log(
    JSON.stringify({
      name: 'browser-city-edit',
      households: 1_000_000,
      load_and_analyse_ms: loadMs,
      load_longest_task_ms: Math.max(0, ...loadLongTasks),
      load_long_tasks: loadLongTasks.length,
      // Software WebGL starts the million points hidden (a frame would take tens of seconds).
      households_drawn: await page.evaluate('window.__app.settings.visible.households'),
      edits: edits.length,
      edit_ms_median: Math.round(median(edits.map((e) => e.ms))),
      worker_ms_median: Math.round(median(edits.map((e) => e.workerMs))),
      long_tasks_ms: longTasks,
      longest_task_ms: Math.max(0, ...longTasks),
    }),
  );
} finally {
  await context.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
