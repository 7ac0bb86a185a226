// KML and KMZ written by GDAL 3.6 (`ogr2ogr -f KML -dsco NameField=Name`) from six demo communities
// and eight demo facilities: names, ExtendedData fields and coordinates must come back as they
// went in. Plus the XML that must never be parsed.
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inEnglish } from './problems.testing';
import { readKml } from './kml-format';

const DIR = 'test/fixtures/kml';
const file = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
const demo = <T extends Polygon | Point>(name: string, n: number) =>
  (JSON.parse(readFileSync(`data/demo/${name}.geojson`, 'utf8')) as FeatureCollection<T>).features.slice(0, n);

describe('KML', () => {
  it('reads polygons with their names and ExtendedData as GDAL wrote them', async () => {
    const r = await readKml(file('communities.kml'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const source = demo<Polygon>('communities', 6);
    expect(r.features).toHaveLength(6);
    r.features.forEach((f, i) => {
      const feature = f as { properties: Record<string, unknown>; geometry: Polygon };
      expect(feature.properties['name']).toBe(source[i]!.properties!['name']);
      expect(feature.properties['社区编号']).toBe(source[i]!.properties!['id']);
      expect(feature.geometry).toEqual(source[i]!.geometry);
    });
  });

  it('reads the placemarks of a KMZ', async () => {
    const r = await readKml(file('facilities.kmz'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const source = demo<Point>('facilities', 8);
    expect(r.features.map((f) => (f as { geometry: Point }).geometry.coordinates)).toEqual(
      source.map((f) => f.geometry.coordinates),
    );
    expect(r.features.map((f) => (f as { properties: Record<string, unknown> }).properties['category'])).toEqual(
      source.map((f) => f.properties!['category'] as unknown),
    );
  });

  it('refuses entity declarations, XML that is not KML, and broken XML, in one line', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><kml><Placemark><name>&b;</name></Placemark></kml>`;
    const refused = await readKml(new TextEncoder().encode(bomb));
    expect(!refused.ok && inEnglish(refused.problems)).toEqual([
      { where: 'file', message: 'the file declares XML entities (<!ENTITY …>), which KML never needs; it is refused' },
    ]);
    const html = await readKml(new TextEncoder().encode('<html><body>502 Bad Gateway</body></html>'));
    expect(!html.ok && html.problems[0]!.message.en).toBe('this is not a KML file: it has no <kml> element');
    const broken = await readKml(new TextEncoder().encode('<kml><Placemark><name>x</Placemark></kml>'));
    expect(!broken.ok && broken.problems[0]!.message.en).toMatch(/^the XML is not well formed \(/);
    const empty = await readKml(new TextEncoder().encode('<kml><Document></Document></kml>'));
    expect(!empty.ok && empty.problems[0]!.message.en).toBe('the file holds no placemarks');
  });
});
