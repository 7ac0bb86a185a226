// The report's comparison section (打印报告 with a comparison chosen, and `cli compare --report`):
// the two scenarios' maps side by side, the summary before and after, the communities that change,
// every household move, and the flags resolved and introduced with the rules they cite. Plain
// string building like the rest of the report, so the app and the CLI print the same pages.
import { formatThousands } from '../format-number';
import { t, type Language } from '../i18n';
import type { AreaUnit, Facility, Flag } from '../model';
import { comparisonSheets, type PlanComparison } from '../plan-comparison';
import type { Cell } from '../plan-table';
import { escapeHtml as esc } from './html-escape';
import { planMapSvg } from './plan-map-svg';
import { severityWord, word } from './plan-words';

export interface ComparedSide {
  name: string;
  communities: readonly AreaUnit[];
  grids: readonly AreaUnit[];
  facilities: readonly Facility[];
}

export interface ComparisonSectionInput {
  before: ComparedSide;
  after: ComparedSide;
  comparison: PlanComparison;
  language: Language;
  /** The width the two maps share on paper, in millimetres. */
  width: number;
  /** Each map's height, in millimetres. */
  mapHeight: number;
}

const n = formatThousands;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

function table(head: string[], rows: string[][], numeric: ReadonlySet<number>, className = ''): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function flagTable(flags: readonly Flag[], lang: Language): string {
  if (!flags.length) return `<p class="note">${esc(t(lang, 'report.compare.none'))}</p>`;
  const head = [word('severity', lang), word('message', lang), word('ruleId', lang), word('clause', lang)];
  const rows = flags.map((f) => [
    severityWord(f.severity, lang),
    f.message[lang],
    f.source.ruleId,
    `${f.source.document} · ${f.source.clause}`,
  ]);
  return table(head, rows, new Set(), 'flags');
}

export function comparisonSection(input: ComparisonSectionInput): string {
  const { comparison: c, language: lang, before, after } = input;
  const sheets = comparisonSheets(c, lang);
  const mapWidth = (input.width - 4) / 2;
  const map = (side: ComparedSide, results: PlanComparison['analyses']['before']) =>
    `<figure class="compare-map"><figcaption>${esc(t(lang, 'report.compare.mapOf', { name: side.name }))}</figcaption>${planMapSvg(
      {
        communities: side.communities,
        grids: side.grids,
        facilities: side.facilities,
        communityResults: results.communities,
        language: lang,
        width: mapWidth,
        height: input.mapHeight,
      },
    )}</figure>`;
  const s = c.summary;
  const summaryRows = [
    [t(lang, 'report.text.communityCount'), n(s.before.communityCount), n(s.after.communityCount)],
    [t(lang, 'report.text.withinBand'), n(s.before.withinBand), n(s.after.withinBand)],
    [t(lang, 'report.text.compliance'), pct(s.before.complianceRate), pct(s.after.complianceRate)],
    [t(lang, 'report.compare.moved'), '', n(c.movedHouseholds)],
    [t(lang, 'report.compare.moveCount'), '', n(c.moves.length)],
    [t(lang, 'report.compare.changedCount'), '', n(c.communities.filter((r) => r.status !== 'unchanged').length)],
  ];
  const changedRows = sheets.communities.rows.filter((_, i) => c.communities[i]!.status !== 'unchanged');
  const unchanged = c.communities.length - changedRows.length;
  const cell = (v: Cell) => (v === null ? '—' : typeof v === 'number' ? n(v) : v);
  const differences = changedRows.length
    ? table(
        sheets.communities.columns,
        changedRows.map((r) => r.map(cell)),
        new Set([2, 3, 4]),
        'compare-differences',
      )
    : '';
  const moves = c.moves.length
    ? table(
        sheets.moves.columns,
        sheets.moves.rows.map((r) => r.map(cell)),
        new Set([4, 5]),
        'compare-moves',
      )
    : `<p class="note">${esc(t(lang, 'report.compare.noMoves'))}</p>`;
  const signed = (v: Cell) => (typeof v === 'number' ? `${v > 0 ? '+' : ''}${v.toFixed(1)}` : '—');
  const coverage = sheets.coverage.rows.length
    ? `<h3>${esc(sheets.coverage.name)}</h3>${table(
        sheets.coverage.columns,
        sheets.coverage.rows.map(([name, d, b, a, change]) => [
          String(name),
          String(d),
          typeof b === 'number' ? pct(b) : '—',
          typeof a === 'number' ? pct(a) : '—',
          signed(change ?? null),
        ]),
        new Set([1, 2, 3, 4]),
        'compare-coverage',
      )}`
    : '';
  return `<section class="comparison">
<h2>${esc(t(lang, 'report.compare.heading', { before: before.name, after: after.name }))}</h2>
<div class="compare-maps">${map(before, c.analyses.before)}${map(after, c.analyses.after)}</div>
${table([t(lang, 'report.compare.figure'), before.name, after.name], summaryRows, new Set([1, 2]), 'summary')}
${coverage}
<h3>${esc(t(lang, 'report.compare.differences'))}</h3>${differences}${
    unchanged ? `<p class="note">${esc(t(lang, 'report.compare.unchangedNote', { n: unchanged }))}</p>` : ''
  }
<h3>${esc(t(lang, 'report.compare.moves'))}</h3>${moves}
<h3>${esc(t(lang, 'report.compare.resolved'))} (${n(c.flagsResolved.length)})</h3>${flagTable(c.flagsResolved, lang)}
<h3>${esc(t(lang, 'report.compare.introduced'))} (${n(c.flagsIntroduced.length)})</h3>${flagTable(c.flagsIntroduced, lang)}
</section>`;
}

/** The section's own print rules, added to the report's. */
export const COMPARISON_CSS = `
.comparison { break-before: page; page-break-before: always; }
.compare-maps { display: flex; gap: 4mm; break-inside: avoid; }
.compare-map { margin: 0; flex: 1; }
.compare-map figcaption { font-weight: 600; margin: 0 0 1mm; }
`;
