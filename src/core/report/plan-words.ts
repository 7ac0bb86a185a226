// The words the plan tables and the printed report share, in both languages, so a column in the
// spreadsheet and the same column in the report a director reads are named alike.
import { facilityCategory } from '../facility-categories';
import { plain, type MessageKey } from '../i18n';
import type { BandStatus, Severity } from '../model';

import type { Language } from '../i18n';

export type { Language } from '../i18n';

/** The table and report column names, from the catalogue's report.word entries. */
export type WordKey = { [K in MessageKey]: K extends `report.word.${infer W}` ? W : never }[MessageKey];

export function word(key: WordKey, language: Language): string {
  return plain(language, `report.word.${key}`);
}

export function statusWord(status: BandStatus | undefined, language: Language): string {
  return plain(language, `report.status.${status ?? 'unknown'}`);
}

export function severityWord(severity: Severity, language: Language): string {
  return plain(language, `report.severity.${severity}`);
}

/** A category's display name; a user's own category id is shown as it is. */
export function categoryName(id: string, language: Language): string {
  return facilityCategory(id)?.name[language] ?? id;
}

/** "幼儿园 ≤500 m": the header of a coverage column. */
export function coverageHeader(category: string, distance: number, language: Language): string {
  return `${categoryName(category, language)} ≤${distance} m`;
}
