// The shared part of the importers' fuzz tests (src/io/*.fuzz.test.ts): seeded byte mutations of
// valid fixtures (bit flips, truncation, inserted and doubled chunks, text tokens, numbers swapped
// or replaced, header size fields set to huge values) and a runner that checks every outcome is a
// value with a reason, that every case completes, and that memory stays within a small multiple
// of the input. Deterministic: a failure names the file, run, seed and mutation to replay it.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { seededRandom } from '../core/seeded-random';
import type { Problem } from './format';
import { inEnglish } from './problems.testing';

export type Rand = () => number;
export type Mutation = (bytes: Uint8Array, rand: Rand) => Uint8Array;

/** FUZZ_SCALE=10 runs ten times as many cases, for a deeper search before a release. */
export const FUZZ_SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);

export const fixtureBytes = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url)));

export const int = (rand: Rand, n: number): number => Math.floor(rand() * n);
const encoder = new TextEncoder();

export function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/** Mutations that know nothing of the format. */
export const BYTE_MUTATIONS: Record<string, Mutation> = {
  'flip bits': (bytes, rand) => {
    const out = bytes.slice();
    const flips = 1 + int(rand, 8);
    for (let k = 0; k < flips && out.length; k++) {
      const i = int(rand, out.length);
      out[i] = out[i]! ^ (1 << int(rand, 8));
    }
    return out;
  },
  'set bytes': (bytes, rand) => {
    const out = bytes.slice();
    const n = 1 + int(rand, 8);
    for (let k = 0; k < n && out.length; k++) out[int(rand, out.length)] = int(rand, 256);
    return out;
  },
  truncate: (bytes, rand) => bytes.slice(0, int(rand, bytes.length)),
  'insert random bytes': (bytes, rand) => {
    const insert = new Uint8Array(1 + int(rand, 16)).map(() => int(rand, 256));
    return splice(bytes, int(rand, bytes.length + 1), 0, insert);
  },
  'cut a chunk': (bytes, rand) => {
    const at = int(rand, bytes.length);
    return splice(bytes, at, int(rand, Math.min(256, bytes.length - at) + 1), new Uint8Array());
  },
  'double a chunk': (bytes, rand) => {
    const at = int(rand, bytes.length);
    const piece = bytes.slice(at, at + 1 + int(rand, 256));
    return splice(bytes, int(rand, bytes.length + 1), 0, piece);
  },
  'repeat a chunk many times': (bytes, rand) => {
    const at = int(rand, bytes.length);
    const piece = bytes.slice(at, at + 1 + int(rand, 8));
    const times = 100 + int(rand, 2000);
    const insert = new Uint8Array(piece.length * times);
    for (let k = 0; k < times; k++) insert.set(piece, k * piece.length);
    return splice(bytes, at, 0, insert);
  },
};

/** Values a hostile header declares for a size or a count. */
const HUGE = [0xffffffff, 0x7fffffff, 0x80000000, 0x40000000, 0x10000000, 1_000_000_000, 0xffff, 0];

export interface SizeField {
  at: number;
  width: 2 | 4 | 8;
  littleEndian: boolean;
}

/** Sets one of the header's size or count fields (found in the bytes) to a huge value. */
export function hugeSizeField(fields: (bytes: Uint8Array) => SizeField[]): Mutation {
  return (bytes, rand) => {
    const found = fields(bytes).filter((f) => f.at >= 0 && f.at + f.width <= bytes.length);
    if (found.length === 0) return bytes;
    const field = found[int(rand, found.length)]!;
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const value = HUGE[int(rand, HUGE.length)]!;
    if (field.width === 2) view.setUint16(field.at, value & 0xffff, field.littleEndian);
    else if (field.width === 4) view.setUint32(field.at, value >>> 0, field.littleEndian);
    else view.setBigUint64(field.at, BigInt(value) * (rand() < 0.5 ? 1n : 1n << 20n), field.littleEndian);
    return out;
  };
}

/** Every 4-byte word of the first bytes, both endiannesses: where headers keep their sizes. */
export const headerWords =
  (first: number) =>
  (bytes: Uint8Array): SizeField[] => {
    const fields: SizeField[] = [];
    for (let at = 0; at + 4 <= Math.min(first, bytes.length); at += 4)
      fields.push({ at, width: 4, littleEndian: true }, { at, width: 4, littleEndian: false });
    return fields;
  };

/** Offsets of every occurrence of a byte signature (zip headers, say). */
export function signatures(bytes: Uint8Array, signature: readonly number[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + signature.length <= bytes.length; i++) {
    let k = 0;
    while (k < signature.length && bytes[i + k] === signature[k]) k++;
    if (k === signature.length) found.push(i);
  }
  return found;
}

/** The size fields of every zip local header, central directory entry and end record. */
export function zipSizeFields(bytes: Uint8Array): SizeField[] {
  const le = (at: number, width: 2 | 4 = 4): SizeField => ({ at, width, littleEndian: true });
  return [
    ...signatures(bytes, [0x50, 0x4b, 0x03, 0x04]).flatMap((p) => [
      le(p + 18),
      le(p + 22),
      le(p + 26, 2),
      le(p + 28, 2),
    ]),
    ...signatures(bytes, [0x50, 0x4b, 0x01, 0x02]).flatMap((p) => [le(p + 20), le(p + 24), le(p + 28, 2), le(p + 42)]),
    ...signatures(bytes, [0x50, 0x4b, 0x05, 0x06]).flatMap((p) => [
      le(p + 8, 2),
      le(p + 10, 2),
      le(p + 12),
      le(p + 16),
    ]),
  ];
}

/** Text tokens that break structure or values (JSON, CSV, XML alike). */
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  'null',
  '-',
  '1e999',
  'NaN',
  '"__proto__"',
  '\n',
  '\r\n',
  '\t',
  ';',
  '\ufeff',
  '户',
  '<',
  '>',
  '</way>',
  '<way id="1">',
  '<!--',
  '&#99999999;',
  '&amp',
  ']]>',
  '<!DOCTYPE x [',
  '<!ENTITY a "b">',
  '="',
  "'",
  '<a'.repeat(50),
  '9'.repeat(400),
];

export const TEXT_MUTATIONS: Record<string, Mutation> = {
  'insert tokens': (bytes, rand) => {
    let out = bytes;
    const count = 1 + int(rand, 3);
    for (let k = 0; k < count; k++)
      out = splice(out, int(rand, out.length + 1), 0, encoder.encode(TOKENS[int(rand, TOKENS.length)]));
    return out;
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
      '1e308',
      '1e999',
      '-0.0',
      '2.5',
      '99999999999999999999',
    ];
    return splice(bytes, at, length, encoder.encode(values[int(rand, values.length)]));
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
};

/** Positions and lengths of the numbers in the bytes (ASCII digits, so safe on any encoding). */
function numbers(bytes: Uint8Array): [number, number][] {
  const found: [number, number][] = [];
  const text = new TextDecoder('latin1').decode(bytes);
  for (const m of text.matchAll(/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g)) found.push([m.index, m[0].length]);
  return found;
}

/** What an importer gave back: a success, or a refusal with its problems. */
export type Outcome = { ok: true } | { ok: false; problems: Problem[] } | { ok: 'fallback' };

/** A reader's result as a fuzz outcome: read, or refused with its problems. */
export function outcomeOf(r: { ok: true } | { ok: false; problems: Problem[] }): Outcome {
  return r.ok ? { ok: true } : { ok: false, problems: r.problems };
}

export interface FuzzTarget {
  /** For the failure message. */
  name: string;
  original: Uint8Array;
  mutations: Record<string, Mutation>;
  runs: number;
  /** Imports the mutated bytes; must never throw. */
  run(bytes: Uint8Array): Promise<Outcome>;
}

export interface FuzzReport {
  completed: number;
  refused: number;
  /** The most the process's ArrayBuffers grew over the start, and the biggest input. */
  arrayBufferGrowth: number;
  heapGrowth: number;
  biggestInput: number;
}

/**
 * Runs the target's mutated copies in order. Every case must come back with a value (a throw fails
 * the test and names the case); a refusal must list problems with a place and a sentence in both
 * languages, never the catch-all "error in the importer".
 */
export async function fuzz(target: FuzzTarget, seed0 = 1): Promise<FuzzReport> {
  const names = Object.keys(target.mutations);
  const start = process.memoryUsage();
  const report: FuzzReport = { completed: 0, refused: 0, arrayBufferGrowth: 0, heapGrowth: 0, biggestInput: 0 };
  for (let run = 0; run < target.runs; run++) {
    const seed = seed0 * 1_000_003 + run * 7919;
    const rand = seededRandom(seed);
    const name = names[int(rand, names.length)]!;
    let bytes = target.mutations[name]!(target.original, rand);
    // Now and then a second mutation stacked on the first.
    if (rand() < 0.3) bytes = target.mutations[names[int(rand, names.length)]!]!(bytes, rand);
    const context = `${target.name}, run ${run} (seed ${seed}, ${name}, ${bytes.length} bytes)`;
    let outcome: Outcome;
    if (process.env['FUZZ_TRACE']) process.stderr.write(`${context}\n`);
    try {
      outcome = await target.run(bytes);
    } catch (error) {
      throw new Error(`${context}: the importer threw ${String(error)}`, { cause: error });
    }
    if (outcome.ok === false) {
      report.refused++;
      expect(outcome.problems.length, context).toBeGreaterThan(0);
      for (const p of outcome.problems) {
        expect(p.message.zh.length > 0 && p.message.en.length > 0, context).toBe(true);
      }
      for (const p of inEnglish(outcome.problems)) {
        expect(p.where.length, context).toBeGreaterThan(0);
        expect(p.message, context).not.toContain('error in the importer');
      }
    }
    report.completed++;
    report.biggestInput = Math.max(report.biggestInput, bytes.length);
    const now = process.memoryUsage();
    report.arrayBufferGrowth = Math.max(report.arrayBufferGrowth, now.arrayBuffers - start.arrayBuffers);
    report.heapGrowth = Math.max(report.heapGrowth, now.heapUsed - start.heapUsed);
  }
  return report;
}

/**
 * The checks after a target's runs: all completed, enough of them refused for the damage to have
 * mattered (a share of the runs: readers that skip what they cannot use refuse less), and memory within a generous multiple of the biggest input (plus the reader's own
 * fixed needs, e.g. SQLite's WebAssembly memory), so a header's declared size was never allocated.
 */
export function expectSound(
  report: FuzzReport,
  runs: number,
  { fixedBytes = 64 * 1024 * 1024, refusedShare = 0.1 }: { fixedBytes?: number; refusedShare?: number } = {},
): void {
  expect(report.completed).toBe(runs);
  expect(report.refused).toBeGreaterThan(runs * refusedShare);
  const bound = fixedBytes + 64 * report.biggestInput;
  expect(report.arrayBufferGrowth).toBeLessThan(bound);
  expect(report.heapGrowth).toBeLessThan(bound + 256 * 1024 * 1024);
}
