// shpjs ships no types; only its geometry parser is used (src/io/shapefile.ts).
declare module 'shpjs' {
  /** Shapes of a .shp in order (null for a null shape); `trans` false leaves coordinates as they are. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, trans?: false): unknown[];
}
