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

import { HOUSEHOLD_MAX_PIXELS, householdRadii } from './household-radius';

export { HOUSEHOLD_MAX_PIXELS, householdRadii };

import { BLIND_SPOT, TIER_COLORS } from './household-colors';

export { BLIND_SPOT, TIER_COLORS };

/**
 * Colours by community membership, or — in the coverage view — by the distance tier a household
 * reaches, with households beyond the chosen tier (blind spots, 服务盲区) in near-black.
 */
export function householdColors(
  count: number,
  cover: Uint8Array | null,
  tiers: Uint8Array | null = null,
  tierLimit = 0,
  into?: Uint8Array,
): Uint8Array {
  // One 32-bit write per point (RGBA packed little-endian): a million points stay well under a frame.
  // `into` (when it fits) is reused rather than allocating four more megabytes per edit.
  const c = into && into.length === count * 4 ? into : new Uint8Array(count * 4);
  const words = new Uint32Array(c.buffer, c.byteOffset, count);
  const pack = (rgba: readonly number[]) => (rgba[0]! | (rgba[1]! << 8) | (rgba[2]! << 16) | (rgba[3]! << 24)) >>> 0;
  if (tiers && tiers.length === count) {
    const palette = TIER_COLORS.map(pack);
    const blind = pack(BLIND_SPOT);
    for (let i = 0; i < count; i++) {
      const t = tiers[i]!;
      words[i] = t > tierLimit ? blind : palette[Math.min(t, palette.length - 1)]!;
    }
    return c;
  }
  const assigned = pack(ASSIGNED);
  if (!cover || cover.length !== count) return (words.fill(assigned), c);
  const unassigned = pack(UNASSIGNED);
  const overlap = pack(OVERLAP);
  for (let i = 0; i < count; i++) {
    const k = cover[i]!;
    words[i] = k === 1 ? assigned : k === 0 ? unassigned : overlap;
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
    radiusMaxPixels: HOUSEHOLD_MAX_PIXELS,
    lineWidthMinPixels: 0.5,
    getLineColor: [255, 255, 255, 200],
    autoHighlight: true,
    highlightColor: [255, 200, 0, 255],
    highlightedObjectIndex: selected,
  });
}
