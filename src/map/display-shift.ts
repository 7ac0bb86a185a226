// Drawing the plan in the coordinate system of the basemap under it. The plan is WGS84 and stays so;
// over a GCJ-02 basemap (AMap) every layer is drawn shifted into GCJ-02, so that a compound sits on
// its building in the tiles. What the map reports back (a click, a drawn polygon) is in the drawn
// system and is turned back into WGS84 before it becomes a command.
import type { FeatureCollection, Geometry } from 'geojson';
import { convert, convertCoordinates, type LonLat } from '../core/coordinates';
import type { Crs } from '../core/model';

export class DisplayShift {
  readonly crs: Crs;

  constructor(crs: Crs) {
    this.crs = crs;
  }

  get identity(): boolean {
    return this.crs === 'wgs84';
  }

  /** A WGS84 position as drawn. */
  toDisplay(lon: number, lat: number): LonLat {
    return this.identity ? [lon, lat] : convert(lon, lat, 'wgs84', this.crs);
  }

  /** A drawn position (a click on the map) back in WGS84. */
  toData(lon: number, lat: number): LonLat {
    return this.identity ? [lon, lat] : convert(lon, lat, this.crs, 'wgs84');
  }

  geometry<G extends Geometry>(g: G, direction: 'display' | 'data' = 'display'): G {
    if (this.identity) return g;
    const [from, to]: [Crs, Crs] = direction === 'display' ? ['wgs84', this.crs] : [this.crs, 'wgs84'];
    if (g.type === 'GeometryCollection')
      return { ...g, geometries: g.geometries.map((x) => this.geometry(x, direction)) };
    return { ...g, coordinates: convertCoordinates(g.coordinates, from, to) };
  }

  collection<F extends FeatureCollection>(fc: F): F {
    if (this.identity) return fc;
    return {
      ...fc,
      features: fc.features.map((f) => (f.geometry ? { ...f, geometry: this.geometry(f.geometry) } : f)),
    };
  }

  /** Interleaved lon,lat pairs as drawn: the same array when no shift applies, else a shifted copy. */
  points(coordinates: Float64Array): Float64Array {
    if (this.identity) return coordinates;
    const out = new Float64Array(coordinates.length);
    for (let i = 0; i < coordinates.length; i += 2) {
      const [x, y] = convert(coordinates[i]!, coordinates[i + 1]!, 'wgs84', this.crs);
      out[i] = x;
      out[i + 1] = y;
    }
    return out;
  }

  /** A WGS84 [west, south, east, north] box as drawn (its corners shifted; the offset varies slowly). */
  bbox(b: readonly [number, number, number, number]): [number, number, number, number] {
    if (this.identity) return [b[0], b[1], b[2], b[3]];
    const [w, s] = this.toDisplay(b[0], b[1]);
    const [e, n] = this.toDisplay(b[2], b[3]);
    return [w, s, e, n];
  }
}

export const NO_SHIFT = new DisplayShift('wgs84');
