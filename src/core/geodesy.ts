// The sphere every distance in the project is measured on, and small distance helpers on it
// (routing, edit tolerances, the report's map, the demo-data build). Edge lengths use haversine
// (exact enough for any segment and independent of the network's extent); point-to-segment work
// uses a flat projection centred on the point itself, which over the few hundred metres of an
// access leg differs from haversine by far less than a metre.

/** Mean Earth radius in metres (the IUGG value Turf also uses, so lengths agree with @turf/length). */
export const EARTH_RADIUS = 6371008.8;
/** Radians per degree. */
export const RAD = Math.PI / 180;
/** Metres per degree of latitude on the sphere above. */
export const METRES_PER_DEGREE = EARTH_RADIUS * RAD;

export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const a = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Metres per degree of longitude at a latitude. */
export function metresPerDegreeLon(lat: number): number {
  return METRES_PER_DEGREE * Math.cos(lat * RAD);
}
