// Reads the hostile corpus table (test/fixtures/hostile/README.md) so the app and CLI tests go
// through exactly the files and outcomes the io tests check.
import { readFileSync } from 'node:fs';

export interface HostileCase {
  file: string;
  role: 'households' | 'communities' | 'grids' | 'facilities' | 'roads';
  field: string | null;
  refused: boolean;
  /** A phrase from the expected message, "…" parts dropped. */
  phrase: string;
}

export function hostileCases(): HostileCase[] {
  const text = readFileSync('test/fixtures/hostile/README.md', 'utf8');
  const cases: HostileCase[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([^`]+)` \| (\w+)(?: \(field `([^`]+)`\))? \| (refused|accepted)(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const quoted = /"([^"]+)"/.exec(m[5] ?? '');
    const phrase = quoted
      ? quoted[1]!
          .split('…')
          .map((p) => p.trim())
          .sort((a, b) => b.length - a.length)[0]!
      : '';
    cases.push({
      file: m[1]!,
      role: m[2] as HostileCase['role'],
      field: m[3] ?? null,
      refused: m[4] === 'refused',
      phrase,
    });
  }
  return cases;
}

/** A hostile file too big (or too repetitive) to commit: built by the tests from this recipe. */
export interface GeneratedCase extends HostileCase {
  /** Where the problem (or the first warning) is, in English ("line 5", "file"). */
  where: string;
  /** A phrase of the Chinese message. */
  zhPhrase: string;
  /** What it did before it was fixed. */
  broke: string;
  bytes(): Uint8Array;
}

const encoder = new TextEncoder();
const OSM_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n';
const OSM_NODES = '<node id="1" lat="31.23" lon="121.47"/>\n<node id="2" lat="31.23" lon="121.48"/>\n';

function geojsonPoints(count: number, properties: (i: number) => Record<string, unknown>): Uint8Array {
  const features = Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    properties: properties(i),
    geometry: { type: 'Point', coordinates: [121.44 + i * 1e-5, 31.22] },
  }));
  return encoder.encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** The generated cases, in the order the README lists them. */
export function generatedHostileCases(): GeneratedCase[] {
  return [
    {
      file: 'osm-tag-500k-without-equals.osm',
      role: 'roads',
      field: null,
      refused: true,
      where: 'line 6',
      phrase: "of <tag> has no value (no '=')",
      zhPhrase: '没有值（缺少 =）',
      broke: 'the attribute pattern retried from every one of the 500,000 characters: hung past 120 s',
      bytes: () =>
        encoder.encode(`${OSM_HEAD}${OSM_NODES}<way id="1">\n<tag ${'k'.repeat(500_000)}/>\n</way>\n</osm>\n`),
    },
    {
      file: 'osm-600k-unclosed-ways.osm',
      role: 'roads',
      field: null,
      refused: true,
      where: 'line 6',
      phrase: "before way '1' (line 5) is closed with </way>",
      zhPhrase: '还没有以 </way> 结束',
      broke: 'the way pattern scanned to the end of the file from each <way>: hung past 120 s',
      bytes: () => {
        let text = OSM_HEAD + OSM_NODES;
        for (let i = 1; i <= 600_000; i++) text += `<way id="${i}">\n`;
        return encoder.encode(text);
      },
    },
    {
      file: 'osm-run-of-a-tags.osm',
      role: 'roads',
      field: null,
      refused: true,
      where: 'line 5',
      phrase: "the <a> tag starting here is never closed with '>'",
      zhPhrase: '标签没有以 > 结束',
      broke: 'each of the 150,000 "<a" was a new start for the tag patterns',
      bytes: () => encoder.encode(`${OSM_HEAD}${OSM_NODES}${'<a'.repeat(150_000)}\n</osm>\n`),
    },
    {
      file: 'osm-run-of-a-in-a-name.osm',
      role: 'roads',
      field: null,
      refused: false,
      where: 'way 1',
      phrase: "property 'name' is 300,000 characters long; only the first 10,000 were kept",
      zhPhrase: '只保留前 10,000 个',
      broke: 'a name of 150,000 "<a" (inside quotes, so still a road); read in milliseconds',
      bytes: () =>
        encoder.encode(
          `${OSM_HEAD}${OSM_NODES}<way id="1">\n<nd ref="1"/><nd ref="2"/>\n<tag k="highway" v="residential"/>\n` +
            `<tag k="name" v="${'<a'.repeat(150_000)}"/>\n</way>\n</osm>\n`,
        ),
    },
    {
      file: 'names-run-of-a.geojson',
      role: 'households',
      field: null,
      refused: false,
      where: '',
      phrase: '',
      zhPhrase: '',
      broke: 'the markup check retried from every "<a" of each 10,000-character name: 200 of them took ~40 s',
      bytes: () => geojsonPoints(200, () => ({ name: '<a'.repeat(5_000) })),
    },
    {
      file: 'names-run-of-a.csv',
      role: 'households',
      field: null,
      refused: false,
      where: '',
      phrase: '',
      zhPhrase: '',
      broke: 'the same markup check on CSV names',
      bytes: () => {
        let text = 'lon,lat,name\n';
        for (let i = 0; i < 200; i++) text += `121.44,31.22,${'<a'.repeat(5_000)}\n`;
        return encoder.encode(text);
      },
    },
    {
      file: 'count-300k-digits.geojson',
      role: 'households',
      field: 'households',
      refused: true,
      where: 'feature 1',
      phrase: 'is not a number',
      zhPhrase: '不是数字',
      broke: 'the decimal pattern tried every split of the digits: minutes',
      bytes: () => geojsonPoints(1, () => ({ households: `${'1'.repeat(300_000)}x` })),
    },
    {
      file: 'longitude-300k-digits.csv',
      role: 'households',
      field: null,
      refused: true,
      where: 'line 2',
      phrase: 'is not a number',
      zhPhrase: '不是数字',
      broke: 'the same decimal pattern on a CSV longitude: minutes',
      bytes: () => encoder.encode(`lon,lat\n${'1'.repeat(300_000)}x,31.2\n`),
    },
  ];
}
