// Vite builds the app; Vitest runs two projects: `unit` (pure logic in Node, *.test.ts beside the
// code) and `e2e` (test/e2e/*.e2e.ts, which drive the built app in headless Chromium).
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Puts the part of the pre-imported demo the first table needs (households, communities, grids:
 * 0.6 MB of its 3.4 MB) into index.html as a JSON data block, so it arrives with the page: a fetch
 * or a module import made by the script waits, on a browser just started, until the browser has
 * finished starting (a second or more here). The rest (facilities, roads, blocks, water) is
 * fetched after. The app's script is made `async`, so it runs as soon as it and the block are in.
 * `<` is escaped (JSON allows \\u003c) so no data can close its element.
 */
function demoInPage(): Plugin {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const block = (id: string, text: string) => `<script id="${id}" type="application/json">${text}</script>`;
  return {
    name: 'demo-in-page',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const file = JSON.parse(readFileSync('data/demo/demo-layers.json', 'utf8')) as Record<string, unknown>;
        const head = { format: file.format, version: file.version };
        const first = {
          ...head,
          households: file.households,
          communities: file.communities,
          grids: file.grids,
          facilities: [],
          roads: null,
          blocks: [],
        };
        const blocks = [
          block('demo-first', json(first)),
          `<script>document.dispatchEvent(new Event('demo-first'))</script>`,
        ].join('\n    ');
        return html
          .replace('<!-- demo data -->', () => blocks)
          .replace(/<script type="module" crossorigin/g, '<script type="module" async crossorigin');
      },
    },
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
          // Builds the app in the e2e mode, the one that exposes window.__app and __map.
          globalSetup: ['test/e2e/test-build.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
