// `npm run data:city [-- --households N]`: writes a SYNTHETIC city-sized demo to public/city/ —
// N households (default 1,000,000) clustered in compounds, 300 irregular communities tiling the
// city, a street network and facilities — for trying the app at city scale (open it with ?city).
// It is generated, not real: nothing here describes an actual place.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Feature, LineString, Point } from 'geojson';
import { syntheticCity, random } from '../bench/synthetic-city';
import { syntheticHouseholdsFgb } from '../bench/load';

const args = process.argv.slice(2);
const i = args.indexOf('--households');
const households = i >= 0 ? Number(args[i + 1]) : 1_000_000;
const out = 'public/city';
mkdirSync(out, { recursive: true });
const t0 = performance.now();

const city = syntheticCity({ households });
// One household per point, as a household registry lists them: N points are N households.
writeFileSync(`${out}/households.fgb`, await syntheticHouseholdsFgb(households, () => 1));

const communities = city.communities.map((geometry, k) => ({
  type: 'Feature' as const,
  properties: {
    id: `S${String(k + 1).padStart(3, '0')}`,
    name: `合成社区 S${String(k + 1).padStart(3, '0')}`,
    communityType: 'urban',
    synthetic: true,
  },
  geometry,
}));
writeFileSync(`${out}/communities.geojson`, JSON.stringify({ type: 'FeatureCollection', features: communities }));

// Streets: every community edge plus a lattice of local streets every ~200 m.
const [w, s, e, n] = city.bbox;
const roads: Feature<LineString>[] = [];
const seen = new Set<string>();
for (const c of city.communities) {
  const ring = c.coordinates[0]!;
  for (let k = 0; k + 1 < ring.length; k++) {
    const a = ring[k]!;
    const b = ring[k + 1]!;
    const key = [a, b]
      .map((p) => p.map((v) => v.toFixed(7)).join(','))
      .sort()
      .join(';');
    if (seen.has(key)) continue;
    seen.add(key);
    roads.push({
      type: 'Feature',
      properties: { highway: 'secondary' },
      geometry: { type: 'LineString', coordinates: [a, b] },
    });
  }
}
const step = 0.002;
for (let x = w + step; x < e; x += step) {
  const line: [number, number][] = [];
  for (let y = s; y <= n + 1e-9; y += step) line.push([x, y]);
  roads.push({
    type: 'Feature',
    properties: { highway: 'residential' },
    geometry: { type: 'LineString', coordinates: line },
  });
}
for (let y = s + step; y < n; y += step) {
  const line: [number, number][] = [];
  for (let x = w; x <= e + 1e-9; x += step) line.push([x, y]);
  roads.push({
    type: 'Feature',
    properties: { highway: 'residential' },
    geometry: { type: 'LineString', coordinates: line },
  });
}
// Local streets cross each other at shared vertices (same lattice), so the network is connected.
writeFileSync(`${out}/roads.geojson`, JSON.stringify({ type: 'FeatureCollection', features: roads }));

const rand = random(7);
const categories = [
  'kindergarten',
  'primary-school',
  'community-health-centre',
  'community-service-station',
  'elderly-service',
  'bus-stop',
];
const facilities: Feature<Point>[] = [];
for (let k = 0; k < 2400; k++) {
  const category = categories[k % categories.length]!;
  const x = w + Math.round(((e - w) * rand()) / step) * step;
  const y = s + rand() * (n - s);
  facilities.push({
    type: 'Feature',
    properties: { id: `F${k + 1}`, name: `${category} ${k + 1}`, category },
    geometry: { type: 'Point', coordinates: [x, y] },
  });
}
writeFileSync(`${out}/facilities.geojson`, JSON.stringify({ type: 'FeatureCollection', features: facilities }));
writeFileSync(
  `${out}/manifest.json`,
  JSON.stringify(
    {
      name: 'synthetic city',
      synthetic: true,
      households,
      communities: communities.length,
      roads: roads.length,
      facilities: facilities.length,
      bbox: city.bbox,
    },
    null,
    2,
  ),
);
console.log(
  `synthetic city: ${households} households, ${communities.length} communities, ${roads.length} streets, ${facilities.length} facilities → ${out}/ (${((performance.now() - t0) / 1000).toFixed(1)} s); open the app with ?city`,
);
