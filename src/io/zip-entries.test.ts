// The checked unzip every zipped format shares: caps are checked on the directory, before inflating.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipChecked } from './zip-entries';

const zip = zipSync({
  'a.shp': new Uint8Array(4000),
  'a.dbf': new Uint8Array([1, 2, 3]),
  'notes.txt': new Uint8Array(10),
});

describe('unzipChecked', () => {
  it('inflates only the entries wanted, into a Map', () => {
    const r = unzipChecked(zip, { wanted: (n) => /\.(shp|dbf)$/.test(n), maxEntries: 10, maxTotalBytes: 1e6 });
    expect(r.ok && [...r.entries.keys()].sort()).toEqual(['a.dbf', 'a.shp']);
    expect(r.ok && r.entries.get('a.dbf')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses by declared size and by entry count before inflating anything', () => {
    expect(unzipChecked(zip, { wanted: () => true, maxEntries: 10, maxTotalBytes: 1000 })).toEqual({
      ok: false,
      reason: 'too-big',
      entry: 'a.shp',
    });
    expect(unzipChecked(zip, { wanted: () => true, maxEntries: 2, maxTotalBytes: 1e6 })).toEqual({
      ok: false,
      reason: 'too-many',
    });
    const all = unzipChecked(zip, {
      wanted: () => false,
      countAll: true,
      checkOnly: true,
      maxEntries: 10,
      maxTotalBytes: 1000,
    });
    expect(all.ok).toBe(false);
    expect(
      unzipChecked(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), { wanted: () => true, maxEntries: 10, maxTotalBytes: 1 })
        .ok,
    ).toBe(false);
  });
});
