import { describe, expect, it } from 'vitest';
import type { AreaUnit, Facility } from '../core/model';
import { builtInProfile } from '../core/profiles';
import { PlanAnalyzer } from './plan-analyzer';

const rect = (id: string, w: number, s: number, e: number, n: number): AreaUnit => ({
  id,
  kind: 'community',
  name: id,
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
  properties: {},
});

function households() {
  const n = 400;
  const coordinates = new Float64Array(n * 2);
  const hh = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    coordinates[i * 2] = 121.46 + (i % 20) * 0.001;
    coordinates[i * 2 + 1] = 31.22 + Math.floor(i / 20) * 0.001;
    hh[i] = 10;
  }
  return { coordinates, households: hh, names: null, properties: null };
}

const fac = (id: string, category: string, lon: number, lat: number): Facility => ({ id, name: id, category, lon, lat, properties: {} });

describe('plan analyzer with coverage', () => {
  it('keeps cached community coverage in step with edits, facility changes and removed categories', () => {
    const profile = builtInProfile('jiangsu-2011')!;
    const fresh = (units: AreaUnit[], facilities: Facility[]) => {
      const b = new PlanAnalyzer(households());
      b.setCommunities(units);
      b.setFacilities(facilities);
      return b.analyze(profile).coverage!;
    };
    const units = [rect('A', 121.455, 31.215, 121.47, 31.24), rect('B', 121.47, 31.215, 121.485, 31.24)];
    let facilities = [fac('k1', 'kindergarten', 121.462, 31.225), fac('c1', 'clinic', 121.478, 31.235)];
    const a = new PlanAnalyzer(households());
    a.setCommunities(units);
    a.setFacilities(facilities);
    expect(a.analyze(profile).coverage).toEqual(fresh(units, facilities));

    // Reshape A: only A's shares change, and they match a fresh analysis.
    const grown = rect('A', 121.455, 31.215, 121.475, 31.24);
    a.updateUnits('community', [grown], []);
    expect(a.analyze(profile).coverage).toEqual(fresh([grown, units[1]!], facilities));

    // Move a facility, then remove a whole category.
    facilities = [fac('k1', 'kindergarten', 121.478, 31.232), fac('c1', 'clinic', 121.478, 31.235)];
    a.setFacilities(facilities);
    expect(a.analyze(profile).coverage).toEqual(fresh([grown, units[1]!], facilities));
    facilities = [facilities[0]!];
    a.setFacilities(facilities);
    const c = a.analyze(profile).coverage!;
    expect(c).toEqual(fresh([grown, units[1]!], facilities));
    expect(Object.keys(c.overall)).toEqual(['kindergarten']);
  });
});
