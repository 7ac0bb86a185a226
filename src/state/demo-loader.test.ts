// The pre-built demo (data/demo/demo-layers.json, what the app opens) must be exactly what the
// app's importers make of the demo's GeoJSON files: a change to the data or to an importer that
// is not rebuilt into it fails here (fix: `npx tsx scripts/build-demo-data.ts --prebuilt-only`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeDemoLayers,
  DEMO_LAYERS_FORMAT,
  encodeDemoLayers,
  importDemoLayers,
  type DemoLayers,
} from './demo-loader';

const read = (file: string) => Promise.resolve(new Uint8Array(readFileSync(`data/demo/${file}`)));
const manifest = JSON.parse(readFileSync('data/demo/manifest.json', 'utf8')) as {
  counts: Record<string, number>;
  totalHouseholds: number;
};

describe('pre-built demo layers', () => {
  let imported: Promise<DemoLayers> | null = null;
  const fromGeoJson = () => (imported ??= importDemoLayers(read));

  it('decode to exactly the layers importing the GeoJSON gives', async () => {
    const prebuilt = decodeDemoLayers(readFileSync('data/demo/demo-layers.json', 'utf8'));
    const layers = await fromGeoJson();
    // toStrictEqual: same classes (Float64Array stays Float64Array), no extra or missing keys, even undefined ones.
    expect(prebuilt.households).toStrictEqual(layers.households);
    for (const name of ['communities', 'grids', 'facilities', 'roads', 'blocks'] as const)
      expect(prebuilt[name], name).toStrictEqual(layers[name]);
    expect(Object.keys(prebuilt).sort()).toEqual(Object.keys(layers).sort());
  });

  it('hold what the manifest counts', () => {
    const layers = decodeDemoLayers(readFileSync('data/demo/demo-layers.json', 'utf8'));
    expect(layers.households.households.length).toBe(manifest.counts.households);
    expect(layers.households.households.reduce((s, h) => s + h, 0)).toBe(manifest.totalHouseholds);
    expect(layers.communities.length).toBe(manifest.counts.communities);
    expect(layers.grids.length).toBe(manifest.counts.grids);
    expect(layers.facilities.length).toBe(manifest.counts.facilities);
    expect(layers.roads?.features.length).toBe(manifest.counts.roads);
    expect(layers.blocks.length).toBe(manifest.counts.blocks);
    // What the importer adds beyond the GeoJSON survives: block lists, parent communities, kinds.
    expect(layers.communities.every((c) => c.kind === 'community' && (c.blockIds?.length ?? 0) > 0)).toBe(true);
    expect(layers.grids.every((g) => g.kind === 'grid' && typeof g.parentId === 'string')).toBe(true);
    expect(layers.blocks.every((b) => b.kind === 'block')).toBe(true);
  });

  it('round-trips through encode and decode', async () => {
    const layers = await fromGeoJson();
    expect(decodeDemoLayers(encodeDemoLayers(layers))).toStrictEqual(layers);
  });

  it('refuses a file of another format or version, saying how to rebuild it', () => {
    expect(() => decodeDemoLayers(JSON.stringify({ format: DEMO_LAYERS_FORMAT, version: 0 }))).toThrow(
      /npm run data:build/,
    );
    expect(() => decodeDemoLayers('{"type":"FeatureCollection","features":[]}')).toThrow(
      /not a shequ-demo-layers file/,
    );
  });
});
