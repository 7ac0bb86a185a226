// How the command line tells a person what is wrong with a file, and what it decided for them:
// every problem and every warning, one line each, up to a limit and then "and N more", in the
// person's language. Also which language that is: --lang (or --language), else the system locale.
import { t, type Language } from '../core/i18n';
import type { Problem } from '../io';
import { DEFAULT_MAX_PROBLEMS, problemText } from '../io/problem-list';

/**
 * Lines listed per file before the rest are counted. The importer already keeps at most 50 and
 * adds one line counting the rest, which must not be cut; this limit is for longer lists.
 */
export const MAX_LINES_PER_FILE = DEFAULT_MAX_PROBLEMS + 1;

function listed(problems: readonly Problem[], language: Language, max: number): string[] {
  const lines = problems.slice(0, max).map((p) => `  ${problemText(p, language)}`);
  if (problems.length > max) lines.push(`  ${t(language, 'cli.andMore', { count: problems.length - max })}`);
  return lines;
}

/**
 * Why a file was refused: one line for one problem ("households.csv: line 5: …"), else a line
 * naming the file and one indented line per problem.
 */
export function refusalText(
  file: string,
  problems: readonly Problem[],
  language: Language,
  max = MAX_LINES_PER_FILE,
): string {
  if (problems.length === 1) return t(language, 'io.failure', { file, problem: problemText(problems[0]!, language) });
  const header = t(language, 'cli.problemsHeader', { file });
  return [header, ...listed(problems, language, max)].join('\n');
}

/** The warnings of a file that was imported, as "warning: " lines for stderr; empty for none. */
export function warningText(
  file: string,
  warnings: readonly Problem[],
  language: Language,
  max = MAX_LINES_PER_FILE,
): string {
  if (warnings.length === 0) return '';
  const header =
    warnings.length === 1
      ? t(language, 'cli.warningsHeaderOne', { file })
      : t(language, 'cli.warningsHeader', { file, count: warnings.length });
  return `warning: ${[header, ...listed(warnings, language, max)].join('\n')}\n`;
}

/** Writes a file's warnings to stderr (the CLI's one place for them). */
export function printWarnings(file: string, warnings: readonly Problem[], language: Language): void {
  const text = warningText(file, warnings, language);
  if (text) process.stderr.write(text);
}

/** Chinese when the system locale is (LC_ALL, then LC_MESSAGES, then LANG, then Intl), else English. */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale =
    env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || Intl.DateTimeFormat().resolvedOptions().locale || '';
  return /^zh(\b|_)/i.test(locale) ? 'zh' : 'en';
}

/**
 * The arguments with the language made explicit: `--lang X` becomes `--language X` (the older
 * name, which the commands read), and without either the system's language is added.
 */
export function withLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  let given = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang' || arg === '--language') {
      given = true;
      out.push('--language');
      if (i + 1 < argv.length) out.push(argv[++i]!);
    } else if (arg.startsWith('--lang=') || arg.startsWith('--language=')) {
      given = true;
      out.push(`--language=${arg.slice(arg.indexOf('=') + 1)}`);
    } else out.push(arg);
  }
  // Help and an empty command line stay as they are, so usage is still printed for them.
  if (!given && out.length > 0 && !['--help', '-h', 'help'].includes(out[0]!))
    out.push('--language', systemLanguage(env));
  return out;
}
