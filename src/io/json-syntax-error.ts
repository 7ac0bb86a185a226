// Finds where and why a text is not JSON, for a message a person can act on. JSON.parse's own
// messages differ between engines (V8, SpiderMonkey, JavaScriptCore) and some carry no position, so
// after it fails this small scanner walks the text again. It keeps its own stack instead of
// recursing, so a hostile file nested a million levels deep cannot overflow the call stack.
import { msg } from '../core/i18n';
import type { Message } from '../core/model';

export interface JsonSyntaxError {
  kind: 'end' | 'unexpected';
  /** Character offset into the decoded text. */
  position: number;
  line: number;
  column: number;
  /** The offending text, shortened; empty at the end of the text. */
  found: string;
}

const OBJECT = 1;
const ARRAY = 2;

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'after';

/** Returns null when the text is valid JSON by this scanner (then fall back to the engine's message). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: number[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (kind: 'end' | 'unexpected', at: number): JsonSyntaxError => located(text, kind, at);

  while (true) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (state === 'after' && stack.length === 0) return null;
      return fail('end', n);
    }
    const c = text[i]!;
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail('unexpected', i);
      if (c === ',') {
        state = top === OBJECT ? 'key' : 'value';
        i++;
      } else if ((c === '}' && top === OBJECT) || (c === ']' && top === ARRAY)) {
        stack.pop();
        i++;
      } else return fail('unexpected', i);
      continue;
    }
    if (state === 'key' || state === 'keyOrClose') {
      if (c === '}' && state === 'keyOrClose') {
        stack.pop();
        state = 'after';
        i++;
        continue;
      }
      if (c !== '"') return fail('unexpected', i);
      const end = scanString(text, i);
      if (end < 0) return fail(end === -1 ? 'end' : 'unexpected', end === -1 ? n : -end - 2);
      i = end;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) return fail('end', n);
      if (text[i] !== ':') return fail('unexpected', i);
      i++;
      state = 'value';
      continue;
    }
    // state is 'value' or 'valueOrClose'
    if (c === ']' && state === 'valueOrClose') {
      stack.pop();
      state = 'after';
      i++;
    } else if (c === '{') {
      stack.push(OBJECT);
      state = 'keyOrClose';
      i++;
    } else if (c === '[') {
      stack.push(ARRAY);
      state = 'valueOrClose';
      i++;
    } else if (c === '"') {
      const end = scanString(text, i);
      if (end < 0) return fail(end === -1 ? 'end' : 'unexpected', end === -1 ? n : -end - 2);
      i = end;
      state = 'after';
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const end = scanNumber(text, i);
      if (end < 0) return fail(end === -1 ? 'end' : 'unexpected', end === -1 ? n : -end - 2);
      i = end;
      state = 'after';
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (let k = 0; k < word.length; k++) {
        if (i + k >= n) return fail('end', n);
        if (text[i + k] !== word[k]) return fail('unexpected', i);
      }
      i += word.length;
      state = 'after';
    } else return fail('unexpected', i);
  }
}

/** Index after the closing quote; -1 = ran off the end; -(p + 2) = bad character at p. */
function scanString(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 2);
    if (code === 0x5c) {
      const e = text[i + 1];
      if (e === undefined) return -1;
      if (e === 'u') {
        for (let k = 2; k < 6; k++) {
          if (i + k >= n) return -1;
          if (!/[0-9a-fA-F]/.test(text[i + k]!)) return -(i + k + 2);
        }
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return -(i + 1 + 2);
      i += 2;
      continue;
    }
    i++;
  }
  return -1;
}

/** JSON number grammar; same return convention as scanString. */
function scanNumber(text: string, start: number): number {
  const n = text.length;
  let i = start;
  const digits = (): number => {
    const from = i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    return i - from;
  };
  const bad = (): number => (i >= n ? -1 : -(i + 2));
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (digits() === 0) return bad();
  if (text[i] === '.') {
    i++;
    if (digits() === 0) return bad();
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (digits() === 0) return bad();
  }
  return i;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function located(text: string, kind: 'end' | 'unexpected', position: number): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return {
    kind,
    position,
    line,
    column: position - lineStart + 1,
    found: kind === 'end' ? '' : text.slice(position, position + 12),
  };
}

/** The sentence for a person, with a guess at the cause where one is likely. */
export function describeJsonSyntaxError(text: string, engineMessage: string): Message {
  const e = findJsonSyntaxError(text);
  if (!e) return msg('io.json.invalid', { detail: engineMessage });
  const at = msg('io.json.at', { position: String(e.position), line: String(e.line), column: String(e.column) });
  if (e.kind === 'end') return msg('io.json.end', { at });
  const ch = e.found[0] ?? '';
  if (ch === '\n' || ch === '\r') return msg('io.json.lineBreak', { at });
  if (ch.charCodeAt(0) < 0x20)
    return msg('io.json.control', { at, code: ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') });
  const shown = JSON.stringify(e.found.split(/[\r\n]/)[0]!.slice(0, 12));
  const head = msg('io.json.unexpected', { shown, at });
  if (/^-?(NaN|Infinity)/.test(e.found)) return msg('io.json.nan', { head });
  if (e.position === firstNonSpace(text) && ch === '<') return msg('io.json.html', { head });
  if (ch === "'") return msg('io.json.singleQuotes', { head });
  if (ch === '/') return msg('io.json.comments', { head });
  if ((ch === '}' || ch === ']') && previousNonSpace(text, e.position) === ',')
    return msg('io.json.trailingComma', { head });
  if (isAfterTopLevelValue(text, e.position)) return msg('io.json.afterEnd', { head });
  return head;
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function previousNonSpace(text: string, position: number): string {
  let i = position - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i >= 0 ? text[i]! : '';
}

/** True when the text up to `position` is exactly one complete JSON value. */
function isAfterTopLevelValue(text: string, position: number): boolean {
  const before = text.slice(0, position);
  return findJsonSyntaxError(before) === null;
}
