// The interface languages. Core owns the type so state, io, the CLI and the views share it
// without importing one another.
export type Language = 'zh' | 'en';

export const LANGUAGES: readonly Language[] = ['zh', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

/** The language the switch button offers. */
export function otherLanguage(language: Language): Language {
  return language === 'zh' ? 'en' : 'zh';
}
