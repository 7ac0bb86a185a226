import { describe, expect, it } from 'vitest';
import { formatThousands } from './format-number';

describe('formatThousands', () => {
  it('writes what toLocaleString("en-US") writes for whole numbers', () => {
    for (const v of [
      0, 7, 12, 999, 1000, 1001, 12345, 123456, 1234567, -1, -999, -1000, -1234567, 2999.5, 3000.49, 1e15, 987654321012,
    ])
      expect(formatThousands(v)).toBe(Math.round(v).toLocaleString('en-US'));
  });
  it('writes no minus sign for a value that rounds to zero', () => expect(formatThousands(-0.4)).toBe('0'));
  it('passes non-finite values through', () => {
    expect(formatThousands(Infinity)).toBe('Infinity');
    expect(formatThousands(NaN)).toBe('NaN');
  });
});
