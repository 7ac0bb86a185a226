// The colours of the household points that the legend shows too. Apart from household-layer.ts
// so the legend (in the first chunk) does not pull deck.gl in with them.
export const TIER_COLORS: [number, number, number, number][] = [
  [0, 128, 64, 220],
  [90, 170, 60, 220],
  [190, 190, 40, 220],
  [230, 150, 30, 220],
];
// Not red: red is "in no community" on the same map, and the legend keeps the two apart.
export const BLIND_SPOT: [number, number, number, number] = [17, 24, 39, 240];
