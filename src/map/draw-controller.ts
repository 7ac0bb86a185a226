// Free-form drawing on the map through terra-draw: draw a polygon (a new community or grid), a
// line (to split a community), or reshape one polygon by its vertices. Vertices snap to road and
// boundary vertices near the pointer. The controller only reports geometries; the caller turns
// them into commands. A self-intersecting ring is refused by Terra Draw's own validation while it is drawn.
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type TerraDrawMouseEvent,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import KDBush from 'kdbush';
import type { LineString, Polygon, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { validateDrawnPolygon } from './draw-validation';

export type DrawKind = 'polygon' | 'line' | 'reshape';

const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

/** Vertices to snap to: road and boundary vertices, indexed once per drawing session. */
export class SnapIndex {
  private index: KDBush | null = null;
  private xy: Float64Array = new Float64Array(0);

  constructor(lines: Position[][]) {
    let n = 0;
    for (const l of lines) n += l.length;
    if (n === 0) return;
    this.xy = new Float64Array(n * 2);
    const index = new KDBush(n);
    let k = 0;
    for (const l of lines)
      for (const p of l) {
        this.xy[k * 2] = p[0]!;
        this.xy[k * 2 + 1] = p[1]!;
        index.add(p[0]!, p[1]!);
        k++;
      }
    index.finish();
    this.index = index;
  }

  nearest(lon: number, lat: number, radiusDeg: number): Position | undefined {
    if (!this.index) return undefined;
    let best = -1;
    let bestD = Infinity;
    const kx = Math.cos((lat * Math.PI) / 180);
    for (const i of this.index.within(lon, lat, radiusDeg)) {
      const dx = (this.xy[i * 2]! - lon) * kx;
      const dy = this.xy[i * 2 + 1]! - lat;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best >= 0 ? [round9(this.xy[best * 2]!), round9(this.xy[best * 2 + 1]!)] : undefined;
  }
}

export class DrawController {
  private draw: TerraDraw | null = null;
  private map: MapLibreMap;
  private snap: SnapIndex | null = null;
  private editingId: string | null = null;

  constructor(map: MapLibreMap) {
    this.map = map;
  }

  /** Snap radius: 10 pixels at the current zoom, in degrees. */
  private radius(): number {
    const c = this.map.getCenter();
    const p = this.map.project(c);
    const q = this.map.unproject([p.x + 10, p.y]);
    return Math.abs(q.lng - c.lng);
  }

  private ensure(): TerraDraw {
    if (this.draw) return this.draw;
    const snapping = {
      toCustom: (event: TerraDrawMouseEvent) => this.snap?.nearest(event.lng, event.lat, this.radius()),
    };
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawPolygonMode({
          snapping,
          validation: validateDrawnPolygon,
          styles: { fillColor: '#2563eb', fillOpacity: 0.15, outlineColor: '#1d4ed8', outlineWidth: 2 },
        }),
        new TerraDrawLineStringMode({ snapping, styles: { lineStringColor: '#b91c1c', lineStringWidth: 3 } }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: false,
                coordinates: {
                  midpoints: true,
                  draggable: true,
                  deletable: true,
                  snappable: { toCustom: snapping.toCustom },
                },
              },
            },
          },
          styles: {
            selectedPolygonColor: '#f59e0b',
            selectedPolygonOutlineColor: '#b45309',
            selectedPolygonOutlineWidth: 3,
          },
        }),
      ],
    });
    this.draw.start();
    return this.draw;
  }

  /** Starts drawing; calls back once with the finished geometry. */
  start(kind: 'polygon' | 'line', snapLines: Position[][], onFinish: (geometry: Polygon | LineString) => void): void {
    const draw = this.ensure();
    this.snap = new SnapIndex(snapLines);
    draw.clear();
    draw.setMode(kind === 'polygon' ? 'polygon' : 'linestring');
    const handler = (id: string | number, context: { action: string }) => {
      if (context.action !== 'draw') return;
      const f = draw.getSnapshotFeature(id);
      if (!f) return;
      onFinish(f.geometry as Polygon | LineString);
      draw.clear();
    };
    this.listen(handler);
  }

  /** Loads a polygon for vertex editing; `current()` reads it back. */
  reshape(polygon: Polygon, snapLines: Position[][]): void {
    const draw = this.ensure();
    this.snap = new SnapIndex(snapLines);
    draw.clear();
    draw.setMode('select');
    const geometry: Polygon = {
      type: 'Polygon',
      coordinates: polygon.coordinates.map((r) => r.map((p) => [round9(p[0]!), round9(p[1]!)])),
    };
    const [result] = draw.addFeatures([{ type: 'Feature', geometry, properties: { mode: 'polygon' } }]);
    if (!result?.valid) throw new Error(result?.reason ?? 'the polygon cannot be edited');
    this.editingId = String(result.id);
    draw.selectFeature(result.id!);
  }

  current(): Polygon | null {
    if (!this.draw || !this.editingId) return null;
    const f = this.draw.getSnapshotFeature(this.editingId);
    return f && f.geometry.type === 'Polygon' ? f.geometry : null;
  }

  private listener: ((id: string | number, context: { action: string }) => void) | null = null;
  private listen(handler: (id: string | number, context: { action: string }) => void) {
    if (!this.draw) return;
    if (this.listener) this.draw.off('finish', this.listener);
    this.listener = handler;
    this.draw.on('finish', handler);
  }

  stop(): void {
    if (!this.draw) return;
    if (this.listener) this.draw.off('finish', this.listener);
    this.listener = null;
    this.editingId = null;
    this.draw.clear();
    this.draw.setMode('static');
  }
}
