// The views' short-hands over the core message catalogue (src/core/i18n), which holds every string.
import { formatThousands } from '../core/format-number';
import { plain, type Language, type PlainKey } from '../core/i18n';

export type { Language } from '../core/i18n';
export type StringKey = PlainKey;

/** An entry without parameters, in one language. */
export function translate(language: Language, key: StringKey): string {
  return plain(language, key);
}

export function formatNumber(n: number): string {
  return formatThousands(n);
}
