// Every sentence lives in the catalogue: a view or rule that picks a language inline
// (`language === 'zh' ? '…' : '…'`) is a sentence the catalogue does not know about.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..');
const CATALOGUE_DIR = join(SRC, 'core', 'i18n');

/** A comparison with a language code, or a boolean "is it Chinese" used to choose text. */
const SWITCHES = [
  /[!=]==?\s*['"](zh|en)['"]/,
  /['"](zh|en)['"]\s*[!=]==?/,
  /(?<![.\w])zh\s*\?(?![?.])/,
  /(?<![.\w])zh\s*&&/,
  /\bisZh\b/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return path === CATALOGUE_DIR ? [] : sources(path);
    return /\.(ts|svelte)$/.test(d.name) ? [path] : [];
  });
}

export function inlineSwitches(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (SWITCHES.some((re) => re.test(line))) found.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('language switches', () => {
  it('finds none outside the catalogue', () => {
    expect(inlineSwitches(sources(SRC))).toEqual([]);
  });

  it('would find one', () => {
    // The scan itself must be able to fail: run it over a line that switches.
    const line = "const label = app.language === 'zh' ? '打开' : 'Open';";
    expect(SWITCHES.some((re) => re.test(line))).toBe(true);
  });
});
