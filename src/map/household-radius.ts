// How big a household point is drawn, apart from deck.gl, so the labels (loaded with the first
// chunk through the basemap style) can place a compound's name below its circle without it.

/** The largest a household circle is drawn, in pixels (labels are placed below it). */
export const HOUSEHOLD_MAX_PIXELS = 60;

/** Radius in metres: area proportional to households, so a 10,000-household compound reads as big. */
export function householdRadii(households: Float64Array): Float32Array {
  const r = new Float32Array(households.length);
  for (let i = 0; i < households.length; i++) r[i] = 6 + Math.sqrt(Math.max(0, households[i]!)) * 2.2;
  return r;
}
