import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { writeFlatGeobuf, importLayer } from './index';
import { readFlatGeobufPoints } from './flatgeobuf-points';
import { bd09ToWgs84, wgs84ToBd09 } from '../core/coordinates';
import { inEnglish } from './problems.testing';

function points(n: number): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { name: `小区${i}`, hh: (i * 37) % 500, note: 'x'.repeat(i % 7) },
      geometry: { type: 'Point', coordinates: [121.4 + (i % 100) * 0.001, 31.2 + Math.floor(i / 100) * 0.001] },
    })),
  };
}

describe('fast FlatGeobuf point reader', () => {
  it('reads the same coordinates and counts as the generic importer', async () => {
    const bytes = await writeFlatGeobuf(points(2500));
    const fast = await readFlatGeobufPoints(bytes, { crs: 'wgs84', householdsField: 'hh', chunk: 1000 });
    expect(fast.ok).toBe(true);
    if (fast.ok !== true) return;
    const generic = await importLayer(bytes, 'h.fgb', { role: 'households', crs: 'wgs84', householdsField: 'hh' });
    if (!generic.ok || generic.layer.role !== 'households') throw new Error('generic import failed');
    expect(Array.from(fast.households.households)).toEqual(Array.from(generic.layer.households.households));
    expect(Array.from(fast.households.coordinates)).toEqual(Array.from(generic.layer.households.coordinates));
    expect(fast.total).toBe(points(2500).features.reduce((s, f) => s + (f.properties!.hh as number), 0));
  });

  it('converts BD-09 to WGS84, reports progress and can be cancelled', async () => {
    const fc = points(3000);
    for (const f of fc.features)
      f.geometry.coordinates = wgs84ToBd09(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
    const bytes = await writeFlatGeobuf(fc);
    const progress: number[] = [];
    const r = await readFlatGeobufPoints(bytes, {
      crs: 'bd09',
      householdsField: null,
      chunk: 1000,
      onProgress: (p) => progress.push(p),
    });
    if (r.ok !== true) throw new Error('read failed');
    const [x, y] = bd09ToWgs84(fc.features[5]!.geometry.coordinates[0]!, fc.features[5]!.geometry.coordinates[1]!);
    expect(r.households.coordinates[10]).toBeCloseTo(x, 9);
    expect(r.households.coordinates[11]).toBeCloseTo(y, 9);
    expect(r.total).toBe(3000);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const controller = new AbortController();
    const cancelled = await readFlatGeobufPoints(bytes, {
      crs: 'wgs84',
      householdsField: null,
      chunk: 500,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(cancelled.ok).toBe(false);
  });

  it('refuses negative counts with the feature named, hands odd coordinates to the generic reader, and refuses truncated files', async () => {
    const fc = points(10);
    fc.features[3]!.properties!.hh = -5;
    const bytes = await writeFlatGeobuf(fc);
    const r = await readFlatGeobufPoints(bytes, { crs: 'wgs84', householdsField: 'hh' });
    expect(r.ok).toBe(false);
    if (r.ok === false)
      expect(inEnglish(r.problems)).toContainEqual({ where: 'feature 4', message: 'the count -5 is negative' });
    fc.features[3]!.properties!.hh = 5;
    fc.features[6]!.geometry.coordinates = [31.2, 121.4];
    expect((await readFlatGeobufPoints(await writeFlatGeobuf(fc), { crs: 'wgs84', householdsField: 'hh' })).ok).toBe(
      'fallback',
    );
    const generic = await importLayer(await writeFlatGeobuf(fc), 'h.fgb', {
      role: 'households',
      crs: 'wgs84',
      householdsField: 'hh',
    });
    expect(generic.ok).toBe(false);
    if (!generic.ok)
      expect(
        inEnglish(generic.problems)
          .map((p) => p.message)
          .join(' '),
      ).toMatch(/swapped/);
    const cut = await readFlatGeobufPoints(bytes.subarray(0, bytes.length - 7), {
      crs: 'wgs84',
      householdsField: null,
    });
    expect(cut.ok).toBe(false);
  });

  it('leaves polygon layers and text count columns to the generic reader', async () => {
    const poly = await writeFlatGeobuf({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    });
    expect((await readFlatGeobufPoints(poly, { crs: 'wgs84', householdsField: null })).ok).toBe('fallback');
    const text = await writeFlatGeobuf(points(5));
    expect((await readFlatGeobufPoints(text, { crs: 'wgs84', householdsField: 'name' })).ok).toBe('fallback');
  });
});

/** The file with its header's features_count (field 8 of the Header table) set to `count`. */
function withDeclaredCount(bytes: Uint8Array, count: bigint): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const root = 12; // magic (8 bytes) and the header's size prefix (4)
  const table = root + view.getUint32(root, true);
  const vtable = table - view.getInt32(table, true);
  const field = view.getUint16(vtable + 4 + 2 * 8, true);
  if (field === 0) throw new Error('the header stores no features_count');
  view.setBigUint64(table + field, count, true);
  return out;
}

describe('hostile FlatGeobuf headers', () => {
  it('never allocates what the header declares, and names a count the file does not hold', async () => {
    const bytes = await writeFlatGeobuf(points(500));
    for (const declared of [2n ** 40n, 10n ** 8n, 845n]) {
      const r = await readFlatGeobufPoints(withDeclaredCount(bytes, declared), { crs: 'wgs84', householdsField: 'hh' });
      expect(r.ok).toBe(false);
      if (r.ok === false)
        expect(inEnglish(r.problems)[0]!.message).toMatch(
          /^the FlatGeobuf file is damaged: its header says [\d,]+ features but it holds 500/,
        );
    }
  });
});
