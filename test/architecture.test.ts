// The layering STYLE.md asks for, checked on every run: src/core knows no UI, no map library and
// no Node API; src/io and src/analysis run in a browser worker, so they use no Node API either.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$|\.testing\.ts$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );
}

const UI = /^(svelte|maplibre-gl|@deck\.gl\/|terra-draw)|\/(ui|map|state)\//;
const NODE = /^node:|^(fs|path|child_process|os)$/;

describe('architecture', () => {
  it('src/core imports no UI, map library or Node API', () => {
    const bad = sources('src/core').flatMap((f) =>
      imports(f)
        .filter((m) => UI.test(m) || NODE.test(m))
        .map((m) => `${f}: ${m}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/io and src/analysis import no UI and no Node API', () => {
    const bad = [...sources('src/io'), ...sources('src/analysis')].flatMap((f) =>
      imports(f)
        .filter((m) => UI.test(m) || NODE.test(m))
        .map((m) => `${f}: ${m}`),
    );
    expect(bad).toEqual([]);
  });
});
