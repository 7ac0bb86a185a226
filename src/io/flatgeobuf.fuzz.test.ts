// FlatGeobuf under seeded damage, both the layer reader (communities) and the point fast path
// (households with a numeric count), with the header's sizes and counts set to huge values.
import { describe, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { writeFlatGeobuf } from './index';
import {
  BYTE_MUTATIONS,
  expectSound,
  fixtureBytes,
  fuzz,
  headerWords,
  hugeSizeField,
  type SizeField,
} from './fuzz.testing';
import { importTarget } from './import-fuzz-targets.testing';

/** The header's size prefix, and the size prefix of each of the first features. */
function sizeFields(bytes: Uint8Array): SizeField[] {
  const fields: SizeField[] = [{ at: 8, width: 4, littleEndian: true }];
  if (bytes.length < 12) return fields;
  let at = 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  for (let k = 0; k < 8 && at + 4 <= bytes.length; k++) {
    fields.push({ at, width: 4, littleEndian: true });
    at += 4 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
  }
  return [...fields, ...headerWords(160)(bytes)];
}

const MUTATIONS = { ...BYTE_MUTATIONS, 'huge size field': hugeSizeField(sizeFields) };

describe('fuzzing the FlatGeobuf importer', () => {
  it('damaged copies of a layer of communities always come back with a result', async () => {
    const target = importTarget(
      'communities.fgb',
      fixtureBytes('import/communities.fgb'),
      { role: 'communities', crs: 'wgs84' },
      MUTATIONS,
      400,
    );
    expectSound(await fuzz(target, 11), target.runs);
  });

  it('damaged copies of a household point layer (the fast path) always come back with a result', async () => {
    const features: Feature<Point>[] = Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      properties: { households: 10 + i, name: `小区${i}` },
      geometry: { type: 'Point', coordinates: [121.44 + i * 1e-4, 31.22 + i * 1e-4] },
    }));
    const bytes = await writeFlatGeobuf({ type: 'FeatureCollection', features });
    const target = importTarget(
      'households.fgb',
      bytes,
      { role: 'households', crs: 'wgs84', householdsField: 'households' },
      MUTATIONS,
      400,
    );
    expectSound(await fuzz(target, 12), target.runs);
  });
});
