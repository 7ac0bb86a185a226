// OpenStreetMap PBF under seeded damage, with its blob header lengths, blob sizes and declared
// inflated sizes set to huge values.
import { describe, it } from 'vitest';
import { PbfReader } from 'pbf';
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

/** Each blob's big-endian header length and the words of its header (datasize, raw_size). */
function blobFields(bytes: Uint8Array): SizeField[] {
  const fields: SizeField[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 4 <= bytes.length && fields.length < 256) {
    const headerLength = view.getUint32(at);
    fields.push({ at, width: 4, littleEndian: false });
    if (at + 4 + headerLength > bytes.length) break;
    let size: number;
    try {
      size = new PbfReader(bytes.subarray(at + 4, at + 4 + headerLength)).readFields(
        (tag, h: { size: number }, pbf) => {
          if (tag === 3) h.size = pbf.readVarint();
        },
        { size: 0 },
      ).size;
    } catch {
      break;
    }
    for (let k = at + 4; k + 4 <= at + 4 + headerLength + Math.min(size, 16); k++)
      fields.push({ at: k, width: 4, littleEndian: false });
    at += 4 + headerLength + size;
  }
  return [...fields, ...headerWords(64)(bytes)];
}

describe('fuzzing the OSM PBF importer', () => {
  it('damaged copies of roads.osm.pbf always come back with a result', async () => {
    const mutations = { ...BYTE_MUTATIONS, 'huge size field': hugeSizeField(blobFields) };
    const target = importTarget(
      'roads.osm.pbf',
      fixtureBytes('import/roads.osm.pbf'),
      { role: 'roads', crs: 'wgs84' },
      mutations,
      600,
    );
    expectSound(await fuzz(target, 22), target.runs);
  });
});
