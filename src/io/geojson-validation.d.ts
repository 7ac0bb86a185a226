// Types for the untyped geojson-validation package, limited to what src/io uses. With trace = true
// each check returns its error messages (empty when valid) instead of a boolean.
declare module 'geojson-validation' {
  export function isFeature(object: unknown, trace: true): string[];
  export function isFeature(object: unknown, trace?: false): boolean;
  export function isGeometryObject(object: unknown, trace: true): string[];
  export function isGeometryObject(object: unknown, trace?: false): boolean;
  export function valid(object: unknown, trace: true): string[];
  export function valid(object: unknown, trace?: false): boolean;
}
