import { describe, expect, it } from 'vitest';
import { CATALOGUE, SECTIONS, msg, placeholdersOf, t } from './catalogue';

describe('the message catalogue', () => {
  const entries = Object.entries(CATALOGUE) as [string, { zh: string; en: string }][];

  it('has a non-empty Chinese and English text for every entry', () => {
    const empty = entries.filter(([, e]) => e.zh.trim() === '' || e.en.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('gives both languages of an entry the same parameters', () => {
    const differ = entries
      .filter(([, e]) => placeholdersOf(e.zh).join() !== placeholdersOf(e.en).join())
      .map(([k, e]) => `${k}: zh {${placeholdersOf(e.zh).join()}} en {${placeholdersOf(e.en).join()}}`);
    expect(differ).toEqual([]);
  });

  it('has Chinese text in every Chinese template that is not a symbol or a name', () => {
    // An untranslated entry is the usual slip: English copied into zh. Placeholders, quoted code
    // ("type"), JSON's null and a © credit (the licence's own wording) are the same in both languages.
    const words = (s: string) => s.replace(/\{\w+\}|"[^"]*"|\bnull\b|©.*/g, '');
    const english = entries.filter(([, e]) => e.zh === e.en && /[a-z]{3}/.test(words(e.zh))).map(([k]) => k);
    expect(english).toEqual([]);
  });

  it('lets no section shadow another section’s key', () => {
    const sizes = Object.values(SECTIONS).reduce((sum, s) => sum + Object.keys(s).length, 0);
    expect(Object.keys(CATALOGUE).length).toBe(sizes);
  });

  it('renders numbers with separators, text as it is, and messages in the same language', () => {
    expect(t('en', 'io.where.feature', { n: 12345 })).toBe('feature 12,345');
    expect(t('zh', 'io.where.feature', { n: 12 })).toBe('第 12 个要素');
    expect(t('zh', 'io.where.line', { n: 5 })).toBe('第 5 行');
    const both = msg('io.problem', { where: msg('io.where.line', { n: 5 }), message: { zh: '为空', en: 'is empty' } });
    expect(both).toEqual({ zh: '第 5 行：为空', en: 'line 5: is empty' });
  });
});
