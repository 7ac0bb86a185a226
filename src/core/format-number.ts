// Whole numbers with thousands separators ("12,345"), as toLocaleString('en-US') writes them but
// without the locale machinery, which costs microseconds a call: a city's results table formats a
// few thousand numbers after every edit.
export function formatThousands(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const n = Math.round(value);
  const negative = n < 0;
  const digits = String(negative ? -n : n);
  if (digits.length <= 3 || digits.includes('e')) return negative ? `-${digits}` : digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return negative ? `-${out}` : out;
}
