// Vite builds the app; Vitest runs two projects: `unit` (pure logic in Node, *.test.ts beside the
// code) and `e2e` (test/e2e/*.e2e.ts, which drive the built app in headless Chromium).
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Puts the pre-imported demo and its water into index.html as JSON data blocks, so the demo
 * arrives with the page: a fetch or a module import made by the script waits, on a browser just
 * started, until the browser has finished starting (a second or more here), and a 3.4 MB string
 * inside the script costs the JavaScript parser far more than the HTML parser pays for text.
 * `<` is escaped (JSON allows \u003c) so no data can close the element.
 */
function demoInPage(): Plugin {
  const block = (id: string, file: string) => `<script id="${id}" type="application/json">${readFileSync(file, 'utf8').trim().replace(/</g, '\\u003c')}</script>`;
  return {
    name: 'demo-in-page',
    transformIndexHtml: (html) => html.replace('<!-- demo data -->', () => `${block('demo-layers', 'data/demo/demo-layers.json')}\n    ${block('demo-water', 'data/demo/water.geojson')}`),
  };
}

export default defineConfig({
  plugins: [svelte(), demoInPage()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
