// Test helper: problems as one reads them in English ("feature 2" / "the geometry is null …"), so
// the importer's tests can keep asserting on the sentences a person sees.
import type { Problem } from './format';
import { whereText } from './problem-list';

export interface EnglishProblem {
  where: string;
  message: string;
}

export function inEnglish(problems: readonly Problem[] | undefined): EnglishProblem[] {
  return (problems ?? []).map((p) => ({ where: whereText(p.where, 'en'), message: p.message.en }));
}
