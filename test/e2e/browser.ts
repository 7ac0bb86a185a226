// End-to-end harness: serves the test build (test-build.ts) with `vite preview` on a free local port and
// drives it in headless Debian Chromium through playwright-core. WebGL runs on SwiftShader.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { E2E_DIST } from './test-build';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Session {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
  /** Close the browser but keep the same profile directory for a reopen (storage persists). */
  reopen(): Promise<Page>;
  /** Kill every Chromium process of this profile with SIGKILL, as a crash would, then reopen. */
  crashAndReopen(): Promise<Page>;
}

let server: { process: ChildProcess; url: string } | null = null;

export async function startServer(): Promise<string> {
  if (server) return server.url;
  if (!existsSync(join(E2E_DIST, 'index.html')))
    throw new Error(`${E2E_DIST} is missing: run the e2e tests through vitest (its global setup builds it)`);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      E2E_DIST,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server = { process: child, url };
  return url;
}

export function stopServer(): void {
  server?.process.kill();
  server = null;
}

export async function openApp(path = ''): Promise<Session> {
  const url = (await startServer()) + path;
  const profileDir = mkdtempSync(join(tmpdir(), 'shequ-e2e-'));
  const errors: string[] = [];
  const launch = () =>
    chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
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
  let context = await launch();
  const watch = (page: Page) => {
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  };
  let page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  await page.goto(url);
  const session: Session = {
    url,
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
    async crashAndReopen() {
      // The profile directory is on every Chromium process's command line: kill exactly those.
      const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
      const pids = out
        .split('\n')
        .filter((line) => line.includes(profileDir))
        .map((line) => Number(line.trim().split(/\s+/)[0]))
        .filter((pid) => Number.isFinite(pid) && pid !== process.pid);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      await context.close().catch(() => undefined);
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      await page.goto(url);
      session.context = context;
      session.page = page;
      return page;
    },
    async reopen() {
      await context.close();
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      await page.goto(url);
      session.context = context;
      session.page = page;
      return page;
    },
  };
  return session;
}

/**
 * Waits until the plan is loaded and analysed: the table has rows, and the app has finished
 * opening (the demo's facilities, roads and blocks come a moment after its first table).
 */
export async function waitForAnalysis(page: Page, minRows = 1): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="community-table"] tbody tr').length >= n &&
      (window as unknown as { __app?: { loading: string | null } }).__app?.loading === null,
    minRows,
    { timeout: 90_000 },
  );
}

/** Waits for the confirm dialog, presses its confirm button and waits until it has closed. */
export async function confirmDialog(page: Page): Promise<void> {
  await page.getByTestId('confirm-dialog').waitFor();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
}

/** 新建, confirmed, until the results table is empty. */
export async function newPlan(page: Page): Promise<void> {
  await page.getByTestId('new-plan').click();
  await confirmDialog(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === 0);
}

type MapWindow = Window & { __map?: { loaded(): boolean; once(e: string, f: () => void): void } };

/** Waits until the map (the e2e build's window.__map) has loaded its style. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as MapWindow).__map?.loaded(), null, { timeout: 120_000 });
}

/** The demo opened and counted with its map loaded; every request the page makes after goes to `requests`. */
export async function openDemoMap(communityCount: number, requests: string[]): Promise<Session> {
  const s = await openApp();
  s.page.on('request', (r) => requests.push(r.url()));
  await waitForAnalysis(s.page, communityCount);
  await waitForMap(s.page);
  return s;
}

/** Resolves when the map has drawn everything it was asked to (its next `idle`). */
export function mapIdle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((r) => {
        const m = (window as unknown as MapWindow).__map!;
        if (m.loaded()) setTimeout(r, 50);
        m.once('idle', () => r());
      }),
  );
}
