// The one message catalogue: every sentence the tool shows or writes, in Chinese and English.
// An entry is a template whose {name} placeholders are its parameters; the parameter names are
// read from the template types, so a call that forgets or misspells one does not compile.
// t() renders one language for a view; msg() renders both, for data that must read in whichever
// language it is shown later (history labels, rule flags, import problems sent over the worker).
import { formatThousands } from '../format-number';
import type { Message } from '../model';
import type { Language } from './language';
import { COMPARE_MESSAGES } from './compare-messages';
import { EDIT_MESSAGES } from './edit-messages';
import { FLAG_MESSAGES } from './flag-messages';
import { FORMAT_MESSAGES } from './format-messages';
import { IMPORT_MESSAGES } from './import-messages';
import { REPORT_MESSAGES } from './report-messages';
import { SAFETY_MESSAGES } from './safety-messages';
import { SCENARIO_MESSAGES } from './scenario-messages';
import { UI_MESSAGES } from './ui-messages';
import { MAP_MESSAGES } from './map-messages';
import { TILES_MESSAGES } from './tiles-messages';
import { PROFILE_PROBLEM_MESSAGES } from './profile-problem-messages';
import { CATEGORY_MESSAGES } from './category-messages';

/** The sections, by name: the completeness test checks none shadows another's keys. */
export const SECTIONS = {
  ui: UI_MESSAGES,
  import: IMPORT_MESSAGES,
  flag: FLAG_MESSAGES,
  report: REPORT_MESSAGES,
  edit: EDIT_MESSAGES,
  compare: COMPARE_MESSAGES,
  safety: SAFETY_MESSAGES,
  map: MAP_MESSAGES,
  format: FORMAT_MESSAGES,
  scenario: SCENARIO_MESSAGES,
  tiles: TILES_MESSAGES,
  profileProblem: PROFILE_PROBLEM_MESSAGES,
  category: CATEGORY_MESSAGES,
} as const;

export const CATALOGUE = {
  ...UI_MESSAGES,
  ...IMPORT_MESSAGES,
  ...FLAG_MESSAGES,
  ...REPORT_MESSAGES,
  ...EDIT_MESSAGES,
  ...COMPARE_MESSAGES,
  ...SAFETY_MESSAGES,
  ...MAP_MESSAGES,
  ...FORMAT_MESSAGES,
  ...SCENARIO_MESSAGES,
  ...TILES_MESSAGES,
  ...PROFILE_PROBLEM_MESSAGES,
  ...CATEGORY_MESSAGES,
};

type Catalogue = typeof CATALOGUE;
export type MessageKey = keyof Catalogue;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameter names of one entry, from both of its templates. */
export type ParamName<K extends MessageKey> = Placeholders<Catalogue[K]['zh']> | Placeholders<Catalogue[K]['en']>;

/**
 * A parameter's value: text as it is, a number with thousands separators (12,345; pass a string
 * for ids, years and decimals), or a Message rendered in the same language as the entry.
 */
export type ParamValue = string | number | Message;

export type MessageParams<K extends MessageKey> = { [P in ParamName<K>]: ParamValue };

/** No argument for an entry without placeholders, the typed parameters otherwise. */
export type ParamArgs<K extends MessageKey> = [ParamName<K>] extends [never] ? [] : [params: MessageParams<K>];

const PLACEHOLDER = /\{(\w+)\}/g;

function render(template: string, language: Language, params: Record<string, ParamValue> | undefined): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatThousands(value);
    if (typeof value === 'string') return value;
    return value[language];
  });
}

/** One entry in one language. */
export function t<K extends MessageKey>(language: Language, key: K, ...params: ParamArgs<K>): string {
  const entry: Message = CATALOGUE[key];
  return render(entry[language], language, params[0]);
}

/** The keys of entries without placeholders. */
export type PlainKey = { [K in MessageKey]: [ParamName<K>] extends [never] ? K : never }[MessageKey];

/** An entry without parameters, in one language (for keys chosen at run time). */
export function plain(language: Language, key: PlainKey): string {
  return CATALOGUE[key][language];
}

/** One entry in both languages, for data shown later in either. */
export function msg<K extends MessageKey>(key: K, ...params: ParamArgs<K>): Message {
  const entry: Message = CATALOGUE[key];
  const p = params[0] as Record<string, ParamValue> | undefined;
  return { zh: render(entry.zh, 'zh', p), en: render(entry.en, 'en', p) };
}

/** Items joined by the list separator of each language (、 in Chinese, a comma in English). */
export function listMessage(items: readonly string[]): Message {
  const separator: Message = CATALOGUE['report.listSeparator'];
  return { zh: items.join(separator.zh), en: items.join(separator.en) };
}

/** The placeholder names of a template, for the catalogue's own tests. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}
