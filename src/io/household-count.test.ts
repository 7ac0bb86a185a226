// Household counts as statistics tables write them.
import { describe, expect, it } from 'vitest';
import { isNumericValue, parseHouseholdCount, parseNumericText } from './household-count';

describe('parseHouseholdCount', () => {
  it.each([
    [12, 12],
    [0, 0],
    ['1,234', 1234],
    ['11927户', 11927],
    ['11,927 户', 11927],
    [' 905 ', 905],
    ['１２３', 123],
    ['１，２３４户', 1234],
    ['12.0', 12],
    ['1e3', 1000],
    ['-0', 0],
  ])('reads %j as %d', (value, expected) => {
    expect(parseHouseholdCount(value)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc', "household count 'abc' is not a number"],
    ['1,5', "household count '1,5' is not a number"],
    ['12户3', "household count '12户3' is not a number"],
    [true, "household count 'true' is not a number"],
    [{ n: 1 }, `household count '{"n":1}' is not a number`],
    ['Infinity', "household count 'Infinity' is not a finite number"],
    [Number.NaN, "household count 'NaN' is not a finite number"],
    [-5, 'household count -5 is negative'],
    ['-1,000', 'household count -1000 is negative'],
    [2.5, "household count '2.5' is not a whole number — households are counted whole; is this the right field?"],
    ['12.5', "household count '12.5' is not a whole number — households are counted whole; is this the right field?"],
    [
      '1,234.5',
      "household count '1,234.5' is not a whole number — households are counted whole; is this the right field?",
    ],
    ['-Infinity', "household count '-Infinity' is not a finite number"],
    ['nan', "household count 'nan' is not a finite number"],
    ['1e400', "household count '1e400' is not a finite number"],
    ['-3', 'household count -3 is negative'],
  ])('refuses %j', (value, message) => {
    const parsed = parseHouseholdCount(value);
    expect(parsed.ok === false && { empty: parsed.empty, message: parsed.message.en }).toEqual({
      empty: false,
      message,
    });
  });

  it.each([null, undefined, '', '   '])('calls %j empty', (value) => {
    expect(parseHouseholdCount(value)).toMatchObject({ ok: false, empty: true });
  });
});

describe('isNumericValue', () => {
  it('offers numbers and numeric text, not words or blanks', () => {
    expect([12, '1,234', '11927户', 'abc', '', null, Number.POSITIVE_INFINITY].map(isNumericValue)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('hostile household counts', () => {
  it('refuses a 300,000-digit number ending in a letter at once (it backtracked for minutes)', () => {
    // The old pattern took minutes here, far past the test's own time limit.
    const text = '1'.repeat(300_000) + 'x';
    expect(parseHouseholdCount(text).ok).toBe(false);
    expect(parseNumericText(text)).toBeNull();
  });

  it('refuses counts no point can hold, so two of them never sum to Infinity', () => {
    const r = parseHouseholdCount(1e308);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.en).toBe(
      "household count '1e+308' is more than the 1,000,000 households one point can stand for — is this the right field?",
    );
    expect(parseHouseholdCount(1_000_000)).toEqual({ ok: true, value: 1_000_000 });
  });
});
