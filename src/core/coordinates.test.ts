import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  convert,
  convertCoordinates,
  gcj02ToBd09,
  gcj02ToWgs84,
  parseCrs,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './coordinates';
import type { Crs } from './model';

// Reference values published by wandergis/coordtransform (test/app.js), the de-facto reference
// implementation of these conversions, for the point (116.404, 39.915) in Beijing.
describe('published reference points', () => {
  it('WGS84 → GCJ-02', () => {
    const [x, y] = wgs84ToGcj02(116.404, 39.915);
    expect(x).toBeCloseTo(116.41024449916938, 12);
    expect(y).toBeCloseTo(39.91640428150164, 12);
  });
  it('GCJ-02 → BD-09', () => {
    const [x, y] = gcj02ToBd09(116.404, 39.915);
    expect(x).toBeCloseTo(116.41036949371029, 12);
    expect(y).toBeCloseTo(39.92133699351021, 12);
  });
  it('BD-09 → GCJ-02', () => {
    const [x, y] = bd09ToGcj02(116.404, 39.915);
    expect(x).toBeCloseTo(116.39762729119315, 12);
    expect(y).toBeCloseTo(39.90865673957631, 12);
  });
  it('GCJ-02 → WGS84 agrees with the one-step published inverse to within its own error (~1 m)', () => {
    const [x, y] = gcj02ToWgs84(116.404, 39.915);
    // coordtransform's gcj02towgs84 is a one-step approximation: [116.39775550083061, 39.91359571849836].
    expect(Math.abs(x - 116.39775550083061)).toBeLessThan(2e-5);
    expect(Math.abs(y - 39.91359571849836)).toBeLessThan(2e-5);
  });
  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(-74, 40.7)).toEqual([-74, 40.7]);
  });
});

describe('round trips', () => {
  const points: [number, number][] = [];
  for (let i = 0; i < 200; i++) points.push([73.5 + ((i * 37) % 100) * 0.6, 18.2 + ((i * 53) % 100) * 0.35]);
  points.push([121.4737, 31.2304], [116.397, 39.909], [113.2644, 23.1291], [104.0665, 30.5723]);
  const crs: Crs[] = ['wgs84', 'gcj02', 'bd09'];
  for (const from of crs)
    for (const to of crs) {
      if (from === to) continue;
      it(`${from} → ${to} → ${from} closes to 1e-8°`, () => {
        for (const [lon, lat] of points) {
          const there = convert(lon, lat, from, to);
          const back = convert(there[0], there[1], to, from);
          expect(Math.abs(back[0] - lon)).toBeLessThan(1e-8);
          expect(Math.abs(back[1] - lat)).toBeLessThan(1e-8);
        }
      });
    }
  it('BD-09 to WGS84 in Shanghai moves a point by about a kilometre, as PROVENANCE.md says', () => {
    const [x, y] = bd09ToWgs84(121.452047, 31.259769);
    const dx = (x - 121.452047) * 111320 * Math.cos((31.26 * Math.PI) / 180);
    const dy = (y - 31.259769) * 110574;
    const d = Math.hypot(dx, dy);
    expect(d).toBeGreaterThan(900);
    expect(d).toBeLessThan(1600);
    const [bx, by] = wgs84ToBd09(x, y);
    expect(bx).toBeCloseTo(121.452047, 8);
    expect(by).toBeCloseTo(31.259769, 8);
  });
});

describe('helpers', () => {
  it('converts nested GeoJSON coordinates and keeps altitude', () => {
    const poly = [
      [
        [121.47, 31.23, 5],
        [121.48, 31.23, 5],
        [121.48, 31.24, 5],
        [121.47, 31.23, 5],
      ],
    ];
    const out = convertCoordinates(poly, 'bd09', 'wgs84');
    expect(out[0]![0]![2]).toBe(5);
    expect(out[0]![0]![0]).toBeCloseTo(bd09ToWgs84(121.47, 31.23)[0], 12);
    expect(convertCoordinates(poly, 'wgs84', 'wgs84')).toBe(poly);
  });
  it('parses CRS names', () => {
    expect(parseCrs('WGS84')).toBe('wgs84');
    expect(parseCrs('gcj-02')).toBe('gcj02');
    expect(parseCrs('BD09')).toBe('bd09');
    expect(parseCrs('EPSG:3857')).toBeNull();
  });
});
