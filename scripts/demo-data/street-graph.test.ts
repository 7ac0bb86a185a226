import { describe, expect, it } from 'vitest';
import { parseOsmXml } from './osm-xml';
import { buildStreetGraph, classifyWay } from './street-graph';
import { polygonize } from './polygonize';

const osm = (body: string) => parseOsmXml(`<?xml version="1.0"?><osm>${body}</osm>`);
const node = (id: number, lon: number, lat: number) => `<node id="${id}" lat="${lat}" lon="${lon}"/>`;
const way = (id: number, refs: number[], tags: Record<string, string> = {}) =>
  `<way id="${id}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}${Object.entries(tags)
    .map(([k, v]) => `<tag k="${k}" v="${v}"/>`)
    .join('')}</way>`;

// A 2×1 pair of blocks: corners 1..6, west block 1-2-5-4, east block 2-3-6-5.
const square = [
  node(1, 121.4, 31.2),
  node(2, 121.401, 31.2),
  node(3, 121.402, 31.2),
  node(4, 121.4, 31.201),
  node(5, 121.401, 31.201),
  node(6, 121.402, 31.201),
].join('');

describe('classifyWay', () => {
  it('tells ground streets from bridges, tunnels and motorways', () => {
    expect(classifyWay({ highway: 'residential' })).toBe('ground');
    expect(classifyWay({ highway: 'primary', bridge: 'yes', layer: '1' })).toBe('layered');
    expect(classifyWay({ highway: 'primary', layer: '1' })).toBe('layered');
    expect(classifyWay({ highway: 'secondary', tunnel: 'yes', layer: '-1' })).toBe('tunnel');
    expect(classifyWay({ highway: 'secondary_link', tunnel: 'no' })).toBe('ground');
    expect(classifyWay({ highway: 'motorway' })).toBe('motorway');
  });
});

describe('buildStreetGraph', () => {
  it('keeps a bridge that closes a block and drops an overpass crossing a street', () => {
    const data = osm(
      square +
        node(7, 121.4005, 31.1995) +
        node(8, 121.4005, 31.2015) +
        way(10, [1, 2, 3], { highway: 'primary' }) +
        way(11, [4, 5, 6], { highway: 'primary' }) +
        way(12, [1, 4], { highway: 'residential' }) +
        way(13, [3, 6], { highway: 'residential' }) +
        way(14, [2, 5], { highway: 'residential', bridge: 'yes' }) +
        way(15, [7, 8], { highway: 'secondary', bridge: 'yes', layer: '1' }) +
        way(16, [1, 5], { highway: 'secondary', tunnel: 'yes', layer: '-1' }),
    );
    const g = buildStreetGraph(data);
    expect(g.stats.bridgesKept).toBe(1);
    expect(g.stats.waysExcluded.crossingBridge).toBe(1);
    expect(g.stats.waysExcluded.tunnel).toBe(1);
    expect(polygonize(g.positions, g.edges).faces).toHaveLength(2);
  });

  it('nodes two ground streets that cross without a shared node', () => {
    const data = osm(
      square +
        node(7, 121.4005, 31.1995) +
        node(8, 121.4005, 31.2015) +
        way(10, [1, 2, 3, 6, 5, 4, 1], { highway: 'primary' }) +
        way(11, [7, 8], { highway: 'residential' }),
    );
    const g = buildStreetGraph(data);
    expect(g.stats.crossingsNoded).toBe(2);
    expect(polygonize(g.positions, g.edges).faces).toHaveLength(2);
  });

  it('closes the network along a boundary ring, cutting the streets that cross it', () => {
    // Two parallel east-west streets running out of the study area on both sides: open, no block.
    const data = osm(
      node(1, 121.398, 31.2) +
        node(2, 121.404, 31.2) +
        node(3, 121.398, 31.201) +
        node(4, 121.404, 31.201) +
        way(10, [1, 2], { highway: 'primary' }) +
        way(11, [3, 4], { highway: 'primary' }),
    );
    const open = buildStreetGraph(data);
    expect(polygonize(open.positions, open.edges).faces).toHaveLength(0);
    const closed = buildStreetGraph(data, [
      [121.3995, 31.1995],
      [121.4025, 31.1995],
      [121.4025, 31.2015],
      [121.3995, 31.2015],
      [121.3995, 31.1995],
    ]);
    expect(closed.stats.boundaryCrossings).toBe(4);
    // the streets split the boundary square into three strips; the stubs outside are pruned
    expect(polygonize(closed.positions, closed.edges).faces).toHaveLength(3);
  });
});
