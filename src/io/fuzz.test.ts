// Seeded random damage to the valid fixtures of every format and role (byte flips, truncation,
// inserted JSON tokens, swapped and replaced numbers, cut and doubled ranges): importLayer and
// inspectFile must always resolve to a result, never throw or hang, and a refusal must say why.
// Deterministic: a failure names the seed and the mutation, so it can be replayed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLayer, type ImportOptions, inspectFile } from './index';
import { seededRandom } from '../core/seeded-random';
import { inEnglish } from './problems.testing';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));

const INPUTS: [file: string, options: ImportOptions][] = [
  ['households-bd09.geojson', { role: 'households', crs: 'bd09', householdsField: 'households' }],
  ['households-formatted-counts.geojson', { role: 'households', crs: 'wgs84', householdsField: '户数' }],
  ['communities.geojson', { role: 'communities', crs: 'gcj02' }],
  ['grids.geojson', { role: 'grids', crs: 'wgs84' }],
  ['facilities.geojson', { role: 'facilities', crs: 'wgs84' }],
  ['roads.geojson', { role: 'roads', crs: 'wgs84' }],
  ['households-gbk.csv', { role: 'households', crs: 'wgs84', householdsField: '户数' }],
  ['households-utf8-bom.csv', { role: 'households', crs: 'gcj02', householdsField: 'households' }],
  ['facilities-tab.txt', { role: 'facilities', crs: 'wgs84' }],
  ['communities.fgb', { role: 'communities', crs: 'wgs84' }],
  ['roads.osm', { role: 'roads', crs: 'wgs84' }],
  ['roads.osm.pbf', { role: 'roads', crs: 'wgs84' }],
];
/** 200 × 12 inputs = 2,400 runs; FUZZ_RUNS=20000 for a deeper search before a release. */
const RUNS_PER_INPUT = Number(process.env['FUZZ_RUNS'] ?? 200);
/** Per run; the files are under 2 KB, so anything near this means a runaway loop. */
const TIME_BUDGET_MS = 2_000;

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  'null',
  'true',
  '-',
  '1e999',
  'NaN',
  '"type"',
  '"Feature"',
  '"coordinates"',
  '[[',
  ']]',
  '"\\u0000"',
  '\n',
  '\r\n',
  '0',
  '-0',
  '1e-400',
  '"__proto__"',
  '"GeometryCollection"',
  '\ufeff',
  '户',
  ';',
  '\t',
];

const random = seededRandom;

type Mutation = (bytes: Uint8Array, rand: () => number) => Uint8Array;

const int = (rand: () => number, n: number): number => Math.floor(rand() * n);
const encoder = new TextEncoder();

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/** Positions and lengths of the numbers in the bytes (ASCII digits, so safe on any encoding). */
function numbers(bytes: Uint8Array): [number, number][] {
  const found: [number, number][] = [];
  const text = new TextDecoder('latin1').decode(bytes);
  for (const m of text.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)) found.push([m.index, m[0].length]);
  return found;
}

const MUTATIONS: Record<string, Mutation> = {
  'flip bytes': (bytes, rand) => {
    const out = bytes.slice();
    const flips = 1 + int(rand, 8);
    for (let k = 0; k < flips && out.length; k++) out[int(rand, out.length)] = int(rand, 256);
    return out;
  },
  truncate: (bytes, rand) => bytes.slice(0, int(rand, bytes.length)),
  'insert JSON token': (bytes, rand) => {
    let out = bytes;
    const count = 1 + int(rand, 3);
    for (let k = 0; k < count; k++)
      out = splice(out, int(rand, out.length + 1), 0, encoder.encode(TOKENS[int(rand, TOKENS.length)]));
    return out;
  },
  'swap numbers': (bytes, rand) => {
    const found = numbers(bytes);
    if (found.length < 2) return bytes;
    const [a, b] = [found[int(rand, found.length)]!, found[int(rand, found.length)]!].sort((x, y) => x[0] - y[0]) as [
      [number, number],
      [number, number],
    ];
    if (a[0] === b[0] || a[0] + a[1] > b[0]) return bytes;
    const first = bytes.slice(a[0], a[0] + a[1]);
    const second = bytes.slice(b[0], b[0] + b[1]);
    return splice(splice(bytes, b[0], b[1], first), a[0], a[1], second);
  },
  'replace a number': (bytes, rand) => {
    const found = numbers(bytes);
    if (!found.length) return bytes;
    const [at, length] = found[int(rand, found.length)]!;
    const values = [
      '0',
      '-1',
      '181',
      '-91',
      '95.5',
      '13519217.82',
      '40637216.131',
      '1e308',
      '1e999',
      '-0.0',
      '007',
      '99999999999999999999',
    ];
    return splice(bytes, at, length, encoder.encode(values[int(rand, values.length)]));
  },
  'cut a range': (bytes, rand) => {
    const at = int(rand, bytes.length);
    return splice(bytes, at, int(rand, Math.min(64, bytes.length - at) + 1), new Uint8Array());
  },
  'double a range': (bytes, rand) => {
    const at = int(rand, bytes.length);
    const piece = bytes.slice(at, at + 1 + int(rand, 64));
    return splice(bytes, int(rand, bytes.length + 1), 0, piece);
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

describe('fuzzing the importers', () => {
  it.each(INPUTS)(`${RUNS_PER_INPUT} damaged copies of %s always resolve with a result`, async (file, options) => {
    const original = fixture(file);
    let refused = 0;
    for (let run = 0; run < RUNS_PER_INPUT; run++) {
      const seed = run * 7919 + file.length;
      const rand = random(seed);
      const name = MUTATION_NAMES[int(rand, MUTATION_NAMES.length)]!;
      let bytes = MUTATIONS[name]!(original, rand);
      // Now and then stack a second mutation on the first.
      if (rand() < 0.3) bytes = MUTATIONS[MUTATION_NAMES[int(rand, MUTATION_NAMES.length)]!]!(bytes, rand);
      const context = `${file}, run ${run} (seed ${seed}, ${name})`;

      const started = performance.now();
      const result = await importLayer(bytes, file, options);
      const inspected = await inspectFile(bytes, file);
      const elapsed = performance.now() - started;

      expect(elapsed, context).toBeLessThan(TIME_BUDGET_MS);
      if (result.ok)
        expect(
          result.layer.role === options.role || (options.role === 'grids' && result.layer.role === 'grids'),
          context,
        ).toBe(true);
      else {
        refused++;
        expect(result.problems.length, context).toBeGreaterThan(0);
        for (const p of inEnglish(result.problems)) {
          expect(typeof p.where === 'string' && p.where.length > 0, context).toBe(true);
          expect(typeof p.message === 'string' && p.message.length > 0, context).toBe(true);
          expect(p.message, context).not.toContain('error in the importer');
        }
      }
      if (!inspected.ok) expect(inspected.problems.length, context).toBeGreaterThan(0);
    }
    // The damage must actually break files, or the test proves nothing.
    expect(refused).toBeGreaterThan(RUNS_PER_INPUT / 5);
  });
});
