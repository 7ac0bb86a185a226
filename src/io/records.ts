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

/** A property value as text: strings as they are, numbers and booleans spelled, anything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
