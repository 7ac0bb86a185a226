// deck.gl layer for household points from typed arrays (binary attributes): positions straight
// from the plan's Float64Array, radius by household count, colour by community membership.
import { ScatterplotLayer } from '@deck.gl/layers';
import type { HouseholdSet } from '../core/model';

export interface HouseholdAttributes {
  length: number;
  radii: Float32Array;
  colors: Uint8Array;
}

const ASSIGNED: [number, number, number, number] = [31, 78, 121, 200];
const UNASSIGNED: [number, number, number, number] = [220, 38, 38, 235];
const OVERLAP: [number, number, number, number] = [142, 68, 173, 235];

/** Radius in metres: area proportional to households, so a 10,000-household compound reads as big. */
export function householdRadii(households: Float64Array): Float32Array {
  const r = new Float32Array(households.length);
  for (let i = 0; i < households.length; i++) r[i] = 6 + Math.sqrt(Math.max(0, households[i]!)) * 2.2;
  return r;
}

const TIER_COLORS: [number, number, number, number][] = [
  [0, 128, 64, 220],
  [90, 170, 60, 220],
  [190, 190, 40, 220],
  [230, 150, 30, 220],
];
const BLIND_SPOT: [number, number, number, number] = [220, 38, 38, 240];

/**
 * Colours by community membership, or — in the coverage view — by the distance tier a household
 * reaches, with households beyond the chosen tier (blind spots, 服务盲区) in red.
 */
export function householdColors(count: number, cover: Uint8Array | null, tiers: Uint8Array | null = null, tierLimit = 0): Uint8Array {
  const c = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    if (tiers && tiers.length === count) {
      const t = tiers[i]!;
      c.set(t > tierLimit ? BLIND_SPOT : TIER_COLORS[Math.min(t, TIER_COLORS.length - 1)]!, i * 4);
      continue;
    }
    const k = cover ? cover[i]! : 1;
    c.set(k === 0 ? UNASSIGNED : k > 1 ? OVERLAP : ASSIGNED, i * 4);
  }
  return c;
}

export function householdLayer(
  set: HouseholdSet,
  radii: Float32Array,
  colors: Uint8Array,
  visible: boolean,
  selected: number,
): ScatterplotLayer {
  const length = set.households.length;
  return new ScatterplotLayer({
    id: 'households',
    data: {
      length,
      attributes: {
        getPosition: { value: set.coordinates, size: 2 },
        getRadius: { value: radii, size: 1 },
        getFillColor: { value: colors, size: 4, normalized: true },
      },
    },
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: 'meters',
    radiusMinPixels: 1.5,
    radiusMaxPixels: 60,
    lineWidthMinPixels: 0.5,
    getLineColor: [255, 255, 255, 200],
    autoHighlight: true,
    highlightColor: [255, 200, 0, 255],
    highlightedObjectIndex: selected,
  });
}
