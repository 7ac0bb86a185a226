// CoverageEngine, the worker's coverage path, on a network small enough to measure by hand: a plus
// sign of streets, homes on, beside and far from it, and one facility off the network.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import type { Facility } from '../core/model';
import { haversine } from '../core/geodesy';
import { CoverageEngine } from './coverage-engine';
import { east, north, plusSign } from './routing/random-networks.testing';

// A plus sign of 500 m arms around a crossing at (121, 31).
const roads: FeatureCollection<LineString> = { type: 'FeatureCollection', features: plusSign() };

const facility = (id: string, lon: number, lat: number, category: string): Facility => ({
  id,
  name: id,
  category,
  lon,
  lat,
  properties: {},
});
const facilities = [
  facility('k', 121, 31, 'kindergarten'),
  facility('c1', east(500), 31, 'clinic'),
  facility('c2', east(3000), 31, 'clinic'), // off the network
];
// On the east arm 100 m out; 20 m east of the north arm 450 m up; 2 km away from any road.
const coordinates = Float64Array.of(east(100), 31, east(20), north(450), east(2000), north(2000));
const households = Float64Array.of(10, 5, 7);
// Community 0 holds the first home, 1 the other two, 2 none.
const members = [Int32Array.of(0), Int32Array.of(1, 2), Int32Array.of()];

function engine(withRoads: FeatureCollection<LineString> | null, list: Facility[] = facilities): CoverageEngine {
  const e = new CoverageEngine();
  e.setRoads(withRoads);
  e.setHouseholds(coordinates, households);
  e.setFacilities(list);
  e.setDistances([300, 500]);
  e.update();
  return e;
}

const distanceTo = (e: CoverageEngine, home: number, category: string) =>
  e.nearest(home).find((n) => n.category === category)?.distance;

describe('CoverageEngine', () => {
  it('measures walking coverage per category, overall and per community', () => {
    const e = engine(roads);
    expect(e.mode).toBe('network');
    expect(e.categoryList()).toEqual(['clinic', 'kindergarten']);
    expect(distanceTo(e, 0, 'kindergarten')).toBeCloseTo(100, 1);
    expect(distanceTo(e, 1, 'kindergarten')).toBeCloseTo(470, 1); // 450 m up the arm + 20 m access leg
    expect(distanceTo(e, 2, 'kindergarten')).toBe(Infinity);
    expect(distanceTo(e, 1, 'clinic')).toBeCloseTo(970, 1);
    const overall = e.overall();
    expect(overall.kindergarten!['300']).toBeCloseTo(10 / 22, 12);
    expect(overall.kindergarten!['500']).toBeCloseTo(15 / 22, 12);
    expect(overall.clinic).toEqual({ '300': 0, '500': 10 / 22 });
    const per = e.perCommunity(members);
    expect(per).toHaveLength(3);
    expect(per[0]).toEqual({ kindergarten: { '300': 1, '500': 1 }, clinic: { '300': 0, '500': 1 } });
    expect(per[1]!.kindergarten!['500']).toBeCloseTo(5 / 12, 12);
    expect(per[2]).toBeNull(); // no households: no share, not 0
    expect(e.householdsOffNetwork()).toBe(7);
    expect(e.networkStats()).toEqual({ nodes: 5, edges: 4, components: 1, largestComponentShare: 1 });
  });

  it('falls back to straight-line distances without roads', () => {
    const e = engine(null);
    expect(e.mode).toBe('straight-line');
    expect(e.networkStats()).toBeNull();
    expect(distanceTo(e, 1, 'kindergarten')).toBeCloseTo(haversine(121, 31, east(20), north(450)), 6);
    expect(distanceTo(e, 2, 'clinic')).toBeCloseTo(haversine(east(2000), north(2000), east(3000), 31), 6);
    expect(e.householdsOffNetwork()).toBe(0);
    // A road layer with no usable line counts as no roads.
    expect(engine({ type: 'FeatureCollection', features: [] }).mode).toBe('straight-line');
  });

  it('has no categories and empty shares without facilities', () => {
    const e = engine(roads, []);
    expect(e.categoryList()).toEqual([]);
    expect(e.perCommunity(members)).toEqual([{}, {}, null]);
  });
});
