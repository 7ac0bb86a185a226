// Which property holds a layer's ids when the person names none: the first of the usual names
// whose values are all different (features without one get their own or a generated id), so a
// repeated "id" column (a running number restarted per district) gives way to a unique 编号. When
// no usual name is unique, the first one present is used, and validation names the repeats
// rather than dropping the person's ids without a word; with none present, the features' own ids.
import type { LayerRole } from '../core/model';
import { isRecord } from './records';

export const ID_FIELD_CANDIDATES = ['id', 'ID', '编号', '社区编号', 'code'] as const;

function idText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The id property for features read from a file, or null for the features' own ids. */
export function chooseIdField(features: readonly unknown[], role: LayerRole): string | null {
  if (role === 'households' || role === 'roads' || features.length === 0) return 'id';
  let firstPresent: string | null = null;
  for (const name of ID_FIELD_CANDIDATES) {
    const seen = new Set<string>();
    const unique = features.every((f) => {
      const props = isRecord(f) && isRecord(f['properties']) ? f['properties'] : null;
      const id = props && Object.hasOwn(props, name) ? idText(props[name]) : null;
      if (id === null) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (seen.size === 0) continue;
    if (unique) return name;
    firstPresent ??= name;
  }
  return firstPresent;
}
