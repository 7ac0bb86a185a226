import { describe, expect, it } from 'vitest';
import { isWalkable, looksLikeOsmXml, osmRoads, OsmXmlError, parseOsmXml } from './osm-xml';
import { inEnglish } from './problems.testing';

const xml = `<?xml version="1.0" encoding="UTF-8"?><osm version="0.6" generator="Overpass API">
  <node id="1" lat="31.2300000" lon="121.4700000"/>
  <node id="2" lat="31.2300000" lon="121.4800000"/>
  <node id="3" lat="31.2400000" lon="121.4800000"><tag k="highway" v="crossing"/></node>
  <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="name" v="南京东路 &amp; 外滩"/></way>
  <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
  <way id="12"><nd ref="1"/><nd ref="3"/><tag k="highway" v="motorway"/></way>
  <way id="13"><nd ref="1"/><nd ref="99"/><tag k="highway" v="service"/></way>
  <way id="14"><nd ref="1"/><nd ref="2"/><tag k="building" v="yes"/></way>
</osm>`;

describe('OSM XML roads', () => {
  it('recognises OSM XML', () => {
    expect(looksLikeOsmXml(xml)).toBe(true);
    expect(looksLikeOsmXml('{"type":"FeatureCollection"}')).toBe(false);
  });

  it('keeps walkable highway ways with their shared nodes, decodes entities, drops motorways', () => {
    const r = osmRoads(parseOsmXml(xml));
    expect(r.roads.features.map((f) => f.properties?.['id'] as unknown)).toEqual(['w10', 'w11']);
    expect(r.roads.features[0]!.properties!.name).toBe('南京东路 & 外滩');
    expect(r.roads.features[0]!.geometry.coordinates[1]).toEqual(r.roads.features[1]!.geometry.coordinates[0]);
    expect(r.skippedWays).toBe(3); // motorway, a way with a missing node left with one vertex, a building
    expect(r.missingNodes).toBe(1);
  });

  it('treats foot=no and areas as not walkable', () => {
    expect(isWalkable({ highway: 'footway' })).toBe(true);
    expect(isWalkable({ highway: 'primary', foot: 'no' })).toBe(false);
    expect(isWalkable({ highway: 'pedestrian', area: 'yes' })).toBe(false);
  });
});

describe('importing OSM XML as roads', () => {
  it('imports walkable ways as the roads layer, and refuses other roles', async () => {
    const { importLayer, detectFormat } = await import('./index');
    const bytes = new TextEncoder().encode(xml);
    expect(detectFormat('extract.osm', bytes)).toBe('osm');
    expect(detectFormat('download', bytes)).toBe('osm');
    const r = await importLayer(bytes, 'extract.osm', { role: 'roads', crs: 'wgs84' });
    expect(r.ok).toBe(true);
    if (r.ok && r.layer.role === 'roads') expect(r.layer.roads.features).toHaveLength(2);
    const wrong = await importLayer(bytes, 'extract.osm', { role: 'communities', crs: 'wgs84' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(inEnglish(wrong.problems)[0]!.message).toMatch(/imported as roads/);
  });
});

describe('OSM XML, damaged', () => {
  const osm = (body: string) => `<osm version="0.6">\n<node id="1" lat="31.23" lon="121.47"/>\n${body}\n</osm>`;
  const failure = (text: string) => {
    try {
      parseOsmXml(text);
    } catch (error) {
      if (error instanceof OsmXmlError) return inEnglish([error.problem])[0];
      throw error;
    }
    return null;
  };

  it('decodes character references and refuses the ones that are no character, naming the line', () => {
    const way = (v: string) => osm(`<way id="1"><tag k="name" v="${v}"/></way>`);
    expect(parseOsmXml(way('&#x5357;&#20140;&lt;&amp;&unknown;&')).ways[0]!.tags['name']).toBe('南京<&&unknown;&');
    for (const ref of ['&#99999999;', '&#0;', '&#xD800;', '&#x;', '&#12a;'])
      expect(failure(way(ref))).toEqual({
        where: 'line 3',
        message: `'${ref}' is not a character (XML character references go up to &#x10FFFF; and exclude 0 and surrogates) — the file is damaged`,
      });
  });

  it('says what is never closed, and where it starts', () => {
    expect(failure(osm('<!-- a comment'))?.message).toBe(
      'the comment <!-- … starting here is never closed — is the file truncated?',
    );
    expect(failure(osm('<way id="7">'))).toEqual({
      where: 'line 3',
      message: "way '7' starts here but is never closed with </way> — is the file truncated?",
    });
    expect(failure(osm('<tag k="name v="x"/>'))?.message).toBe(
      "attribute 'x' of <tag> has no value (no '=') — the file is damaged",
    );
    expect(failure('<!DOCTYPE html>\n<html><body></body></html>')).toEqual({
      where: 'line 2',
      message: 'the first element is <html>, not <osm> — is it OpenStreetMap XML?',
    });
  });

  it('skips a DOCTYPE before <osm> and still recognises the file', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE osm [ <!ENTITY x "]>"> ]>\n${osm('')}`;
    expect(looksLikeOsmXml(text)).toBe(true);
    expect(parseOsmXml(text).nodes.size).toBe(1);
  });
});
