import { describe, expect, it } from 'vitest';
import length from '@turf/length';
import { lineString } from '@turf/helpers';
import { formatArea, formatDistance, measure, sphericalArea } from './measure';
import { EARTH_RADIUS, RAD } from './geodesy';
import type { LonLat } from './coordinates';

describe('measuring', () => {
  const path: LonLat[] = [
    [121.47, 31.23],
    [121.48, 31.232],
    [121.485, 31.24],
  ];

  it('gives each leg and the total as @turf/length does on the same sphere', () => {
    const m = measure(path, false);
    expect(m.segments).toHaveLength(2);
    expect(m.area).toBeNull();
    const turf = length(lineString(path), { units: 'meters' });
    expect(Math.abs(m.total - turf)).toBeLessThan(1e-6);
    expect(m.segments[0]!).toBeCloseTo(length(lineString(path.slice(0, 2)), { units: 'meters' }), 6);
  });

  it('a degree of latitude is R·π/180 metres', () => {
    const m = measure(
      [
        [121, 31],
        [121, 32],
      ],
      false,
    );
    expect(m.total).toBeCloseTo(EARTH_RADIUS * RAD, 6);
  });

  it('closes a polygon with a last leg and gives the area of a lat-lon rectangle exactly', () => {
    const rect: LonLat[] = [
      [121.4, 31.2],
      [121.41, 31.2],
      [121.41, 31.21],
      [121.4, 31.21],
    ];
    const m = measure(rect, true);
    expect(m.segments).toHaveLength(4);
    const exact = EARTH_RADIUS * EARTH_RADIUS * 0.01 * RAD * (Math.sin(31.21 * RAD) - Math.sin(31.2 * RAD));
    expect(m.area!).toBeCloseTo(exact, 3);
    expect(m.area!).toBeGreaterThan(1_000_000);
    // Orientation and a repeated first point change nothing.
    expect(sphericalArea([...rect].reverse())).toBeCloseTo(exact, 3);
  });

  it('has no area for two points, even closed', () => {
    expect(measure(path.slice(0, 2), true).area).toBeNull();
    expect(measure([], false)).toEqual({ segments: [], total: 0, area: null });
  });

  it('writes metres, kilometres and hectares', () => {
    expect(formatDistance(12.345)).toBe('12.3 m');
    expect(formatDistance(850.4)).toBe('850 m');
    expect(formatDistance(1234)).toBe('1.23 km');
    expect(formatDistance(12_345)).toBe('12.3 km');
    expect(formatArea(12_345, 'zh')).toBe('12,345 m² · 1.23 公顷 · 0.012 km²');
    expect(formatArea(2_500_000, 'en')).toBe('2,500,000 m² · 250.0 ha · 2.50 km²');
  });
});
