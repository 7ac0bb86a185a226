// Collects problems or warnings up to a cap. A million bad points must not become a million
// message objects, and a person can act on the first fifty; the rest are counted as "and N more".
// Also how a problem reads: one line naming the place and the problem, in either language.
import { msg, t, type Language } from '../core/i18n';
import type { Message } from '../core/model';
import type { Problem, Where } from './format';

export const DEFAULT_MAX_PROBLEMS = 50;

/** The file as a whole. */
export const FILE: Where = { kind: 'file' };

export class ProblemList {
  private readonly fileLevel: Problem[] = [];
  private readonly located: Problem[] = [];
  private dropped = 0;

  constructor(private readonly max: number = DEFAULT_MAX_PROBLEMS) {}

  add(where: Where, message: Message): void {
    // File-level problems explain the others, so they are always kept and listed first.
    if (where.kind === 'file') this.fileLevel.push({ where, message });
    else if (this.fileLevel.length + this.located.length < this.max) this.located.push({ where, message });
    else this.dropped++;
  }

  addAll(problems: readonly Problem[]): void {
    for (const p of problems) this.add(p.where, p.message);
  }

  get count(): number {
    return this.fileLevel.length + this.located.length + this.dropped;
  }

  /** File-level first, then by position in the file; capped, with an "and N more" line. */
  toArray(): Problem[] {
    const located = [...this.located].sort((a, b) => positionOf(a.where) - positionOf(b.where));
    let list = [...this.fileLevel, ...located];
    let more = this.dropped;
    if (list.length > this.max) {
      more += list.length - this.max;
      list = list.slice(0, this.max);
    }
    if (more > 0) list.push({ where: FILE, message: msg('io.andMore', { count: more }) });
    return list;
  }
}

function positionOf(where: Where): number {
  return 'n' in where ? where.n : 0;
}

/** "feature 12" / "第 12 个要素". */
export function whereText(where: Where, language: Language): string {
  switch (where.kind) {
    case 'file':
      return t(language, 'io.where.file');
    case 'entry':
      return t(language, 'io.where.entry', { name: where.name });
    default:
      return t(language, `io.where.${where.kind}`, { n: String(where.n) });
  }
}

/** The place in both languages, for a message that names another place ("id 'C1' is used by feature 2 too"). */
export function whereMessage(where: Where): Message {
  return { zh: whereText(where, 'zh'), en: whereText(where, 'en') };
}

/**
 * "line 5: latitude 'abc' is not a number" / "第 5 行：纬度 'abc' 不是数字". A problem with the
 * whole file is its sentence alone: the file's name, wherever it is shown, already says where.
 */
export function problemText(problem: Problem, language: Language): string {
  if (problem.where.kind === 'file') return problem.message[language];
  return t(language, 'io.problem', { where: whereText(problem.where, language), message: problem.message });
}

/**
 * Why a file was refused, in one line: its name, the first problem and how many more there are
 * ("households.csv: line 5: latitude 'abc' is not a number (and 3 more problems)").
 */
export function failureText(
  file: string,
  problems: readonly Problem[],
  language: Language,
  fallback: 'io.cannotBeImported' | 'io.cannotBeOpened' = 'io.cannotBeImported',
): string {
  const first = problems[0];
  const problem = first ? problemText(first, language) : t(language, fallback);
  const more = problems.length - 1;
  if (more <= 0) return t(language, 'io.failure', { file, problem });
  if (more === 1) return t(language, 'io.failureOneMore', { file, problem });
  return t(language, 'io.failureMore', { file, problem, count: more });
}

/** 12345 → "12,345": counts read better with separators in messages. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Quotes a value from the file for a message, shortened so a huge string can't flood the UI. */
export function quote(value: unknown, maxLength = 40): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value !== 'object' || value === null)
    s = String(value); // NaN, not JSON's "null"
  else {
    try {
      s = JSON.stringify(value) ?? '';
    } catch {
      // Nested too deep to stringify (a hostile file); a shape is enough for a message.
      s = Array.isArray(value) ? '[…]' : '{…}';
    }
  }
  if (s.length > maxLength) s = `${s.slice(0, maxLength)}…`;
  return `'${s}'`;
}
