// Plain-object helpers for data read from files, where any key can appear. Plain assignment of a
// key named "__proto__" would replace the object's prototype instead of setting a property, and
// defineProperty for every key is several times slower on a million CSV rows, so only that one key
// takes the slow path.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
