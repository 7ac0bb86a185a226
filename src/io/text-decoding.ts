// Turns a text file's bytes into a string, working out the encoding. Chinese data often arrives as
// GBK from Excel or older GIS tools, so strict UTF-8 is tried first and GB18030 (a superset of GBK)
// second; Excel's "Unicode text" export is UTF-16 with a byte-order mark.
import { msg } from '../core/i18n';
import type { Problem } from './format';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedText =
  { ok: true; text: string; encoding: TextEncodingName; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return decodeTextUnsafe(bytes);
  } catch (error) {
    // Decoding only throws past the engine's longest string (~512 MB of text in V8).
    return {
      ok: false,
      problems: [
        {
          where: { kind: 'file' },
          message: msg('io.text.tooLarge', { mb: megabytes(bytes.length), error: errorText(error) }),
        },
      ],
    };
  }
}

function decodeTextUnsafe(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return decodeStrict(bytes, 'utf-16le', 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeStrict(bytes, 'utf-16be', 'utf-16be');
  const hasBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', warnings: [] };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return {
      ok: true,
      text,
      encoding: 'gb18030',
      warnings: [{ where: { kind: 'file' }, message: msg('io.text.gbk') }],
    };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const at = firstInvalidUtf8Byte(bytes);
  return {
    ok: false,
    problems: [{ where: { kind: 'file' }, message: msg('io.text.unknownEncoding', { at: String(at) }) }],
  };
}

function decodeStrict(bytes: Uint8Array, label: string, encoding: TextEncodingName): DecodedText {
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding, warnings: [] };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return {
      ok: false,
      problems: [{ where: { kind: 'file' }, message: msg('io.text.damaged', { encoding: label.toUpperCase() }) }],
    };
  }
}

/** Offset of the first byte that breaks UTF-8, so the message can point at it. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

export function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
