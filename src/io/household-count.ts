// Reads a household count from a property value the way Chinese statistics tables write them:
// plain numbers, numeric text, thousands separators ("1,234"), full-width digits ("１２３") and a
// trailing 户 ("11927户"). A count is finite, whole, non-negative and at most a million.
// Also the test for which fields the import dialog offers as a household count.
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { quote } from './problem-list';

export type CountParse = { ok: true; value: number } | { ok: false; empty: boolean; message: Message };

/**
 * A decimal number. The point is required before a fraction's digits, so a run of digits splits
 * one way only: the earlier `\d+\.?\d*` tried every split of a long run, and a 300,000-digit
 * "number" ending in a letter took minutes to refuse.
 */
export const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** More households than any one point can stand for (a compound holds thousands, not millions). */
export const MAX_HOUSEHOLDS_PER_POINT = 1_000_000;
const NON_FINITE_WORD = /^[-+]?(inf|infinity|nan)$/i;

/** Full-width digits and separators (１２３，４５６) come from Chinese input methods. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0c\uff0e\uff0b\uff0d]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Parses a number written in text, or returns null when the text is not one. */
export function parseNumericText(text: string): number | null {
  let s = toHalfWidth(text.trim());
  if (s.endsWith('户')) s = s.slice(0, -1).trimEnd();
  // Thousands separators only between groups of exactly three digits, so "1,5" stays an error.
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (NON_FINITE_WORD.test(s)) return Number.NaN;
  return null;
}

export function parseHouseholdCount(value: unknown): CountParse {
  if (value === null || value === undefined) return { ok: false, empty: true, message: msg('io.count.isEmpty') };
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    if (value.trim() === '') return { ok: false, empty: true, message: msg('io.count.isEmpty') };
    const parsed = parseNumericText(value);
    if (parsed === null)
      return { ok: false, empty: false, message: msg('io.count.notNumber', { value: quote(value) }) };
    n = parsed;
  } else return { ok: false, empty: false, message: msg('io.count.notNumber', { value: quote(value) }) };
  if (!Number.isFinite(n))
    return { ok: false, empty: false, message: msg('io.count.notFinite', { value: quote(value) }) };
  if (n < 0) return { ok: false, empty: false, message: msg('io.count.negative', { value: String(n) }) };
  // Two points of 1e308 households summed to Infinity: no count that large is a count.
  if (n > MAX_HOUSEHOLDS_PER_POINT)
    return { ok: false, empty: false, message: msg('io.count.tooLarge', { value: quote(value), max: '1,000,000' }) };
  // 2.5 households is a share or an average, not a count: summed, it would be silently wrong.
  if (!Number.isInteger(n))
    return { ok: false, empty: false, message: msg('io.count.notWhole', { value: quote(value) }) };
  return { ok: true, value: n === 0 ? 0 : n }; // never -0
}

/** True when the value reads as a number (for offering fields in the import dialog). */
export function isNumericValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  const n = parseNumericText(value);
  return n !== null && Number.isFinite(n);
}
