// The layering STYLE.md asks for, checked on every run: src/core knows no UI, no map library and
// no Node API; src/io and src/analysis run in a browser worker, so they use no Node API either;
// src/commands is pure over src/core; and the views (src/ui, src/map, .svelte files included)
// build no transaction: they dispatch commands, and only src/commands and src/core make edits.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string, extensions = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, extensions);
    return extensions.test(name) && !/\.test\.ts$|\.testing\.ts$/.test(name) ? [path] : [];
  });
}

function imports(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );
}

const UI = /^(svelte|maplibre-gl|@deck\.gl\/|terra-draw)|\/(ui|map|state)\//;
const NODE = /^node:|^(fs|path|child_process|os)$/;

/**
 * The functions in src/core that make a transaction: every exported function whose declared
 * return type is an EditResult, a Transaction or a list of Changes. Read from the source, so a
 * new edit is covered the day it is written.
 */
function transactionBuilders(): Set<string> {
  const names = new Set<string>();
  for (const file of sources('src/core'))
    for (const m of readFileSync(file, 'utf8').matchAll(/^export function (\w+)[\s\S]*?\):\s*([^{;]+?)\s*\{$/gm))
      if (/\b(EditResult|Transaction|Change\[\])\b/.test(m[2]!)) names.add(m[1]!);
  return names;
}

/** Names a source imports as values (not `import type`, not `type X` inside braces). */
function valueImports(source: string): string[] {
  return [...source.matchAll(/^\s*import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"][^'"]+['"]/gm)].flatMap((m) =>
    m[1]
      ? []
      : m[2]!
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith('type '))
          .map((s) => s.split(/\s+as\s+/)[0]!),
  );
}

/** Why a view's source builds a transaction, or nothing when it only dispatches. */
function viewViolations(source: string, builders: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const name of valueImports(source)) if (builders.has(name)) found.push(`imports ${name}`);
  if (/\bapplyTransaction\b/.test(source)) found.push('applies a transaction');
  if (/\.commit\(/.test(source)) found.push('commits to the plan directly');
  if (/\bkind:\s*['"](put|delete|replace)['"]/.test(source)) found.push('writes a Change');
  if (/\bchanges:\s*\[/.test(source)) found.push('writes a list of changes');
  return found;
}

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

  it('src/commands imports only src/core and itself: no UI, state or Node API', () => {
    const bad = sources('src/commands').flatMap((f) =>
      imports(f)
        .filter((m) => UI.test(m) || NODE.test(m) || !/^\.\/|^\.\.\/core\/|^geojson$/.test(m))
        .map((m) => `${f}: ${m}`),
    );
    expect(bad).toEqual([]);
  });

  it('finds the edits that build transactions', () => {
    const builders = transactionBuilders();
    for (const name of ['paintBlocks', 'addCommunity', 'autoDivideCommunity', 'replacePlan', 'removeLayer'])
      expect(builders).toContain(name);
  });

  it('no file in src/ui or src/map builds a transaction: views dispatch commands', () => {
    const builders = transactionBuilders();
    const views = [...sources('src/ui', /\.(ts|svelte)$/), ...sources('src/map', /\.(ts|svelte)$/)];
    expect(views.filter((f) => f.endsWith('.svelte')).length).toBeGreaterThan(10);
    const bad = views.flatMap((f) => viewViolations(readFileSync(f, 'utf8'), builders).map((why) => `${f}: ${why}`));
    expect(bad).toEqual([]);
  });

  it('the view rule catches what the views used to do', () => {
    const builders = transactionBuilders();
    // Shapes taken from the views before the command layer (MapView, PaintPanel, ImportDialog).
    const before = [
      `<script lang="ts">\n  import { blockOwners, paintBlocks } from '../core/edit/paint-blocks';\n</script>`,
      `  import {\n    OSM_CREDIT,\n    replaceLayers,\n  } from '../core/plan-lifecycle';`,
      `app.plan.commit({ label, changes: [{ kind: 'replace', layer: 'facilities', value: next }] });`,
      `changes: [{ kind: 'put', layer: 'communities', unit: { ...target, locked: !target.locked } }],`,
    ];
    for (const source of before) expect(viewViolations(source, builders), source).not.toEqual([]);
    // Reading what an edit produced, or naming its types, is not building one.
    const fine = [
      `import { labelText } from '../core/transaction';`,
      `import type { Change } from '../core/transaction';`,
      `import { isLayerEmpty, type DataLayer } from '../core/plan-lifecycle';`,
      `dispatch(app, { type: 'lock', id: target.id, locked: !target.locked });`,
    ];
    for (const source of fine) expect(viewViolations(source, builders), source).toEqual([]);
  });
});
