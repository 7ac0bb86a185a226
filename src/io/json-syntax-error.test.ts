// The JSON error locator: where each kind of mistake is reported, the hints, and that a hostile
// nesting depth neither overflows the stack nor fools it.
import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxError, findJsonSyntaxError } from './json-syntax-error';

const describeText = (text: string): string => describeJsonSyntaxError(text, 'engine message').en;

describe('findJsonSyntaxError', () => {
  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9"]} ', '0', '"text"'])(
    'accepts valid JSON %s',
    (text) => {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    },
  );

  it('places an unexpected end at the end of the text, with line and column', () => {
    expect(findJsonSyntaxError('{"a":\n [1, 2')).toEqual({ kind: 'end', position: 12, line: 2, column: 7, found: '' });
  });

  it('places an unexpected character where it is', () => {
    expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toMatchObject({ kind: 'unexpected', position: 8, found: '"b": 2}' });
  });

  it('rejects a raw newline inside a string as JSON.parse does', () => {
    expect(findJsonSyntaxError('{"a": "x\ny"}')).toMatchObject({ kind: 'unexpected', position: 8 });
  });

  it('handles nesting a million levels deep without recursion', () => {
    const deep = '['.repeat(1_000_000);
    expect(findJsonSyntaxError(deep)).toMatchObject({ kind: 'end', position: 1_000_000 });
    expect(findJsonSyntaxError(`${deep}${']'.repeat(1_000_000)}`)).toBeNull();
  });
});

describe('describeJsonSyntaxError hints', () => {
  it.each([
    ['{"a": 1,}', 'remove the comma before it'],
    ["{'a': 1}", 'need double quotes'],
    ['{"a": 1} // note', 'cannot contain comments'],
    ['{"a": NaN}', 'JSON has no NaN or Infinity'],
    ['{"a": -Infinity}', 'JSON has no NaN or Infinity'],
    ['{"type":"Feature"}\n{"type":"Feature"}', 'after the end of the JSON data'],
    ['<?xml version="1.0"?><kml/>', 'looks like an HTML or XML page'],
  ])('%s → %s', (text, hint) => {
    expect(describeText(text)).toContain(hint);
  });

  it('explains a line break inside a quoted text', () => {
    expect(describeText('{"name": "静安\n寺"}')).toBe(
      'the file is not valid JSON: a line break inside a quoted text at position 12 (line 1, column 13) — JSON text values must stay on one line (write \\n instead)',
    );
  });

  it('says "is it truncated?" for an early end', () => {
    expect(describeText('{"type": "FeatureCollection", "features": [')).toBe(
      'the file is not valid JSON: unexpected end at position 43 (line 1, column 44) — is it truncated?',
    );
  });
});
