// Benchmarks loading households from FlatGeobuf into the app's arrays: the project's importer
// (fast point reader into typed arrays) against the obvious route — flatgeobuf's GeoJSON
// deserializer, one object per feature, then copying into arrays — in the same process.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { importLayer, writeFlatGeobuf } from '../src/io';
import { syntheticCity } from './synthetic-city';
import type { BenchResult } from './recount';

/** `count` gives each point's household count (by default 1–7, so the reader parses real values). */
export async function syntheticHouseholdsFgb(
  households: number,
  count: (i: number) => number = (i) => 1 + (i % 7),
): Promise<Uint8Array> {
  const city = syntheticCity({ households });
  const features = new Array<Feature<Point>>(households);
  for (let i = 0; i < households; i++)
    features[i] = {
      type: 'Feature',
      properties: { households: count(i) },
      geometry: { type: 'Point', coordinates: [city.coordinates[i * 2]!, city.coordinates[i * 2 + 1]!] },
    };
  const fc: FeatureCollection<Point> = { type: 'FeatureCollection', features };
  return writeFlatGeobuf(fc);
}

async function reference(bytes: Uint8Array): Promise<{ coordinates: Float64Array; households: Float64Array }> {
  const features: Feature[] = [];
  for await (const f of deserialize(bytes) as AsyncGenerator<Feature>) features.push(f);
  const coordinates = new Float64Array(features.length * 2);
  const households = new Float64Array(features.length);
  features.forEach((f, i) => {
    const [x, y] = (f.geometry as Point).coordinates;
    coordinates[i * 2] = x!;
    coordinates[i * 2 + 1] = y!;
    households[i] = Number(f.properties?.households ?? 1);
  });
  return { coordinates, households };
}

export async function benchLoad(households = 1_000_000): Promise<BenchResult> {
  const bytes = await syntheticHouseholdsFgb(households);
  const t0 = performance.now();
  const ours = await importLayer(bytes, 'households.fgb', {
    role: 'households',
    crs: 'wgs84',
    householdsField: 'households',
  });
  const ms = performance.now() - t0;
  if (!ours.ok || ours.layer.role !== 'households') throw new Error('the importer refused the synthetic file');
  const set = ours.layer.households;
  const t1 = performance.now();
  const ref = await reference(bytes);
  const referenceMs = performance.now() - t1;
  for (let i = 0; i < households; i += 9973)
    if (ref.coordinates[i * 2] !== set.coordinates[i * 2] || ref.households[i] !== set.households[i])
      throw new Error(`load mismatch at point ${i}`);
  const bytesPerHousehold = (set.coordinates.byteLength + set.households.byteLength) / households;
  return {
    name: 'load',
    ms,
    reference_ms: referenceMs,
    ratio: referenceMs / ms,
    households,
    file_bytes: bytes.byteLength,
    bytes_per_household: bytesPerHousehold,
  };
}
