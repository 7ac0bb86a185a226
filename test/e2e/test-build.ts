// The build the e2e tests drive: `vite build --mode e2e` into .cache/e2e-dist. Only that mode exposes
// the app's state and the map to the page as window.__app and window.__map (src/main.ts,
// src/map/MapView.svelte), so a production build (`vite build`, dist/) holds neither.
// docs/ARCHITECTURE.md, decision record "Test hooks only in the test build".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const E2E_DIST = '.cache/e2e-dist';
/** What the build reads; a file here newer than the last test build makes the next run rebuild. */
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'svelte.config.js', 'package-lock.json', 'public', 'data/demo'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** Builds the test build unless it is newer than everything it is built from. */
export function ensureTestBuild(): void {
  const built = join(E2E_DIST, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...INPUTS.map(newestChange))) return;
  // A child process without Vitest's NODE_ENV=test, so the build is a production one like dist/.
  const env = { ...process.env };
  delete env.NODE_ENV;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'e2e', '--outDir', E2E_DIST], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Vitest's global setup for the e2e project: one test build before any e2e file runs. */
export default function setup(): void {
  ensureTestBuild();
}
