// The printable plan report a planner hands to a director: one standalone HTML document (inline
// CSS and SVG, no script, no external resource) with the map, the summary, the community table,
// every flag with the rule it cites, living-circle coverage and the facility gaps. It is plain
// string building, so the app (print, download) and the CLI (--report) write the same file, and
// print CSS alone decides the pages: repeated table headers, rows never cut, headings kept with
// what follows, the map sized to the sheet.
import { formatThousands } from '../format-number';
import { t } from '../i18n';
import type { HouseholdSet, Severity } from '../model';
import { facilityGaps, gapNote, listFlags, type PlanTableInput } from '../plan-table';
import { findCommunityType, livingCircleDistances } from '../rule-profile';
import { facilityColor } from '../facility-categories';
import { escapeHtml as esc } from './html-escape';
import { planMapSvg, REPORT_BAND_COLORS } from './plan-map-svg';
import { categoryName, coverageHeader, severityWord, statusWord, word, type Language } from './plan-words';
import { comparisonSection, COMPARISON_CSS, type ComparedSide } from './comparison-section';
import type { PlanComparison } from '../plan-comparison';
import type { RuleProfile } from '../rule-profile';

/** Two scenarios compared: the report then ends with the comparison section. */
export interface ReportComparison {
  before: ComparedSide;
  after: ComparedSide;
  comparison: PlanComparison;
}

export interface PlanReportInput extends PlanTableInput {
  title: string;
  /** ISO date (or date-time) the report is for; printed as its YYYY-MM-DD part. */
  date: string;
  paper?: 'A4' | 'A3';
  /** Accepted for callers that have it; the report draws no household points (a city has a million). */
  households?: HouseholdSet;
  comparison?: ReportComparison;
}

const PAPER = { A4: { width: 297, height: 210 }, A3: { width: 420, height: 297 } } as const;
const PAGE_MARGIN = 12;
const LEGEND_WIDTH = 58;

const n = formatThousands;
/** Chinese text takes full-width punctuation, English half-width. */
const colon = (lang: Language) => t(lang, 'report.colon');
const paren = (text: string, lang: Language) => t(lang, 'report.paren', { text });
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** "412,698 户" in Chinese; the bare number in English, where the label already says households. */
function households(value: number, lang: Language): string {
  return t(lang, 'report.households', { n: value });
}

function isoDay(date: string): string {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(date.trim());
  return m ? m[0] : date.trim();
}

function css(paper: 'A4' | 'A3'): string {
  return `
@page { size: ${paper} landscape; margin: ${PAGE_MARGIN}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1d2327; font: 8.5pt/1.35 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", "Helvetica Neue", Arial, sans-serif; }
@media screen { body { max-width: ${PAPER[paper].width}mm; margin: 0 auto; padding: ${PAGE_MARGIN}mm; } }
h1 { font-size: 16pt; margin: 0 0 1.5mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 0.4mm solid #2e9d5b; break-after: avoid; page-break-after: avoid; }
h1, h2, .meta { break-inside: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
.meta { margin: 0 0 3mm; color: #444; }
.meta span + span::before { content: " · "; color: #999; }
.map-page { break-after: page; page-break-after: always; break-inside: avoid; }
.map-block { display: flex; gap: 4mm; align-items: flex-start; break-inside: avoid; }
.plan-map { display: block; flex: none; }
.legend { width: ${LEGEND_WIDTH}mm; flex: none; font-size: 8pt; }
.legend h3 { font-size: 9pt; margin: 0 0 1.5mm; }
.legend ul { list-style: none; margin: 0 0 3mm; padding: 0; }
.legend li { display: flex; align-items: center; gap: 1.5mm; margin: 0 0 1mm; break-inside: avoid; }
.swatch { display: inline-block; width: 4mm; height: 3mm; border: 0.2mm solid #444; flex: none; }
.swatch.grid { border: 0.3mm dashed #222; background: none; }
.dot { display: inline-block; width: 2.2mm; height: 2.2mm; border-radius: 50%; flex: none; margin: 0 0.9mm; }
.status-swatch { display: inline-block; width: 2.4mm; height: 2.4mm; border-radius: 0.4mm; margin-right: 1mm; vertical-align: -0.3mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.2mm solid #c9ced3; padding: 0.7mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f3; font-weight: 600; overflow-wrap: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.summary { width: auto; min-width: 120mm; }
.summary th { width: 60mm; background: #f6f7f8; }
.sev { white-space: nowrap; font-weight: 600; }
.sev-error { color: #b3261e; }
.sev-warning { color: #9a5b00; }
.sev-info { color: #4a5560; }
.cite { color: #333; }
.cite b { font-weight: 600; }
.note { color: #555; margin: 0 0 2mm; }
.gap-zero { color: #888; }
table.flags { table-layout: fixed; font-size: 7.5pt; }
/* A subject's heading row never ends a page alone. */
table.flags tr.group { break-after: avoid; page-break-after: avoid; }
table.flags tr.group td { background: #f6f7f8; font-weight: 600; border-top: 0.35mm solid #8d99ae; }
table.flags td.cite, table.flags td.rule { font-size: 7pt; }
table.gaps { font-size: 7.5pt; }
table.gaps td:first-child { min-width: 32mm; }
table.gaps small { font-size: 7pt; color: #555; }
`;
}

function legend(input: PlanReportInput): string {
  const lang = input.language;
  const counts = new Map<string, number>();
  for (const r of input.analysis.communities)
    counts.set(r.band?.status ?? 'unknown', (counts.get(r.band?.status ?? 'unknown') ?? 0) + 1);
  const statuses = (['within', 'below', 'above', 'unknown'] as const).filter((s) => s !== 'unknown' || counts.has(s));
  const items = statuses.map(
    (s) =>
      `<li><span class="swatch" style="background:${REPORT_BAND_COLORS[s]};opacity:0.75"></span>${esc(statusWord(s, lang) + paren(n(counts.get(s) ?? 0), lang))}</li>`,
  );
  if (input.grids.length) items.push(`<li><span class="swatch grid"></span>${esc(t(lang, 'report.text.grid'))}</li>`);
  const categories = [...new Set(input.facilities.map((f) => f.category))].sort();
  const facilityItems = categories.map((c) => {
    const [r, g, b] = facilityColor(c);
    return `<li><span class="dot" style="background:rgb(${r},${g},${b})"></span>${esc(categoryName(c, lang))}</li>`;
  });
  return `<div class="legend"><h3>${esc(t(lang, 'report.text.legend'))}</h3><ul>${items.join('')}</ul>${
    facilityItems.length ? `<h3>${esc(t(lang, 'report.text.facilities'))}</h3><ul>${facilityItems.join('')}</ul>` : ''
  }</div>`;
}

function summary(input: PlanReportInput): string {
  const lang = input.language;
  const a = input.analysis;
  const rows: [string, string][] = [
    [t(lang, 'report.text.communityCount'), n(a.summary.communityCount)],
    [t(lang, 'report.text.withinBand'), n(a.summary.withinBand)],
    [t(lang, 'report.text.belowBand'), n(a.summary.belowBand)],
    [t(lang, 'report.text.aboveBand'), n(a.summary.aboveBand)],
    [t(lang, 'report.text.compliance'), pct(a.summary.complianceRate)],
    [t(lang, 'report.text.totalHouseholds'), households(a.totalHouseholds, lang)],
    [t(lang, 'report.text.unassigned'), households(a.unassignedHouseholds, lang)],
    [t(lang, 'report.text.overlap'), households(a.overlapHouseholds, lang)],
  ];
  if (input.grids.length)
    rows.push(
      [t(lang, 'report.text.gridCount'), n(input.grids.length)],
      [t(lang, 'report.text.outsideGrids'), households(a.householdsOutsideGrids, lang)],
    );
  if (input.facilities.length) rows.push([t(lang, 'report.text.facilityCount'), n(input.facilities.length)]);
  if (a.coverage)
    rows.push([
      t(lang, 'report.text.distanceMode'),
      a.coverage.mode === 'network' ? t(lang, 'report.text.network') : t(lang, 'report.text.straightLine'),
    ]);
  const body = rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const caveat = input.profile.caveats
    ? `<p class="note">${esc(t(lang, 'report.text.caveats') + colon(lang) + input.profile.caveats[lang])}</p>`
    : '';
  return `<h2>${esc(t(lang, 'report.text.summary'))}</h2><table class="summary"><tbody>${body}</tbody></table>${caveat}`;
}

function communitiesTable(input: PlanReportInput): string {
  const lang = input.language;
  const results = new Map(input.analysis.communities.map((r) => [r.id, r]));
  const flagCount = new Map<string, number>();
  for (const { subjectIds } of listFlags(input))
    for (const id of new Set(subjectIds)) flagCount.set(id, (flagCount.get(id) ?? 0) + 1);
  const head = [
    word('id', lang),
    word('name', lang),
    word('type', lang),
    word('households', lang),
    word('householdPoints', lang),
    word('band', lang),
    word('status', lang),
    word('distanceToBand', lang),
    word('flagCount', lang),
  ].map(esc);
  const numeric = new Set([3, 4, 5, 7, 8]);
  const rows = input.communities.map((u) => {
    const r = results.get(u.id);
    const status = r?.band?.status ?? 'unknown';
    return [
      esc(u.id),
      esc(u.name),
      esc(findCommunityType(input.profile, u.communityType).name[lang]),
      n(r?.households ?? 0),
      n(r?.points ?? 0),
      r?.band ? `${n(r.band.min)}–${n(r.band.max)}` : '',
      `<span class="status-swatch" style="background:${REPORT_BAND_COLORS[status]}"></span>${esc(statusWord(status, lang))}`,
      r?.band ? (r.band.distance > 0 ? `+${n(r.band.distance)}` : n(r.band.distance)) : '',
      n(flagCount.get(u.id) ?? 0),
    ];
  });
  return `<h2>${esc(t(lang, 'report.text.communitiesHeading'))}</h2>${numericTable(head, rows, numeric)}`;
}

/** A table whose numeric columns are right-aligned. */
function numericTable(head: string[], rows: string[][], numeric: ReadonlySet<number>, className = ''): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** How many flags each rule raised: the first thing a director reads before the full list. */
function flagsByRule(listed: ReturnType<typeof listFlags>, lang: Language): string {
  const byRule = new Map<string, { ruleId: string; cite: string; code: string; severity: Severity; count: number }>();
  for (const { flag } of listed) {
    const key = `${flag.code}\u0000${flag.source.ruleId}\u0000${flag.source.document}\u0000${flag.source.clause}`;
    const entry = byRule.get(key);
    if (entry) entry.count++;
    else
      byRule.set(key, {
        ruleId: flag.source.ruleId,
        cite: `${flag.source.document} · ${flag.source.clause}`,
        code: flag.code,
        severity: flag.severity,
        count: 1,
      });
  }
  const head = [
    word('ruleId', lang),
    `${word('document', lang)} · ${word('clause', lang)}`,
    word('code', lang),
    word('severity', lang),
    t(lang, 'report.text.count'),
  ].map(esc);
  const rows = [...byRule.values()].map((e) => [
    `<b>${esc(e.ruleId)}</b>`,
    `<span class="cite">${esc(e.cite)}</span>`,
    esc(e.code),
    `<span class="sev sev-${e.severity}">${esc(severityWord(e.severity, lang))}</span>`,
    n(e.count),
  ]);
  return `<h3>${esc(t(lang, 'report.text.byRule'))}</h3>${numericTable(head, rows, new Set([4]), 'by-rule')}<h3>${esc(t(lang, 'report.text.allFlags'))}</h3>`;
}

function flagsTable(input: PlanReportInput): string {
  const lang = input.language;
  const listed = listFlags(input);
  const heading = `<h2>${esc(t(lang, 'report.text.flagsHeading'))}</h2>`;
  if (!listed.length) return `${heading}<p class="note">${esc(t(lang, 'report.text.noFlags'))}</p>`;
  const head = [
    '#',
    word('severity', lang),
    word('message', lang),
    word('ruleId', lang),
    `${word('document', lang)} · ${word('clause', lang)}`,
  ].map(esc);
  // Rows are grouped under their subject (a community has a dozen flags), which leaves the
  // message and its citation the width to fit on one line each.
  const body: string[] = [];
  let group = '';
  listed.forEach(({ flag, subjectIds, subjectNames }, i) => {
    const key = subjectIds.join('\u0000');
    if (key !== group) {
      group = key;
      const subject = subjectIds
        .map((id, k) => (subjectNames[k] && subjectNames[k] !== id ? `${id} ${subjectNames[k]}` : id))
        .join(t(lang, 'report.listSeparator'));
      // A td, not a th: a printed PDF's tags list every th of a column as a header of each cell
      // below it, which for a city's hundreds of subjects makes the file tens of megabytes.
      body.push(`<tr class="group"><td colspan="5">${esc(subject)}</td></tr>`);
    }
    body.push(
      `<tr><td class="num">${i + 1}</td><td><span class="sev sev-${flag.severity}">${esc(severityWord(flag.severity, lang))}</span></td><td>${esc(flag.message[lang])}</td>` +
        `<td class="rule"><b>${esc(flag.source.ruleId)}</b></td><td class="cite">${esc(flag.source.document)} · ${esc(flag.source.clause)}</td></tr>`,
    );
  });
  const th = head.map((h, i) => `<th${i === 0 ? ' class="num"' : ''}>${h}</th>`).join('');
  return `${heading}${flagsByRule(listed, lang)}<table class="flags"><colgroup><col style="width:9mm"><col style="width:14mm"><col><col style="width:24mm"><col style="width:38%"></colgroup><thead><tr>${th}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function coverageTable(input: PlanReportInput): string {
  const lang = input.language;
  const coverage = input.analysis.coverage;
  if (!coverage)
    return `<h2>${esc(t(lang, 'report.text.coverageHeading'))}</h2><p class="note">${esc(t(lang, 'report.text.noCoverage'))}</p>`;
  const tiers = livingCircleDistances(input.profile.livingCircle);
  const minutes = [...input.profile.livingCircle.tiers].map((t) => t.minutes).sort((x, y) => x - y);
  const minutesAt = new Map(tiers.map((d, i) => [d, minutes[i]]));
  const head = [
    esc(word('category', lang)),
    ...coverage.distances.map((d) =>
      esc(`≤${n(d)} m${minutesAt.has(d) ? paren(`${minutesAt.get(d)} ${t(lang, 'report.text.minutes')}`, lang) : ''}`),
    ),
  ];
  const rows = coverage.categories.map((c) => {
    const byDistance = Object.prototype.hasOwnProperty.call(coverage.overall, c) ? coverage.overall[c] : undefined;
    return [
      esc(categoryName(c, lang)),
      ...coverage.distances.map((d) => {
        const v =
          byDistance && Object.prototype.hasOwnProperty.call(byDistance, String(d)) ? byDistance[String(d)] : undefined;
        return v === undefined ? '' : pct(v);
      }),
    ];
  });
  const numeric = new Set(coverage.distances.map((_, i) => i + 1));
  const mode = `<p class="note">${esc(t(lang, 'report.text.distanceMode') + colon(lang))}${esc(coverage.mode === 'network' ? t(lang, 'report.text.network') : t(lang, 'report.text.straightLine'))}</p>`;
  return `<h2>${esc(t(lang, 'report.text.coverageHeading'))}</h2>${numericTable(head, rows, numeric)}${mode}`;
}

function gapsTable(input: PlanReportInput): string {
  const lang = input.language;
  const gaps = facilityGaps(input);
  // The how-measured note follows the table: Chromium keeps a heading with the table right after
  // it, but not a heading and a paragraph with the table after both.
  const heading = `<h2>${esc(t(lang, 'report.text.gapsHeading'))}</h2>`;
  const intro = `<p class="note">${esc(t(lang, 'report.text.gapsIntro'))}</p>`;
  if (!input.analysis.coverage) return `${heading}<p class="note">${esc(t(lang, 'report.text.noCoverage'))}</p>`;
  const categories = input.analysis.coverage.categories;
  // One row per community, one column per category, so a district's gaps fit a few pages.
  const byCommunity = new Map<string, Map<string, (typeof gaps)[number]>>();
  for (const g of gaps) {
    let row = byCommunity.get(g.communityId);
    if (!row) {
      row = new Map();
      byCommunity.set(g.communityId, row);
    }
    row.set(g.category, g);
  }
  const firstOf = new Map<string, (typeof gaps)[number]>();
  for (const g of gaps) if (!firstOf.has(g.category)) firstOf.set(g.category, g);
  const head = [word('name', lang), word('households', lang)]
    .map(esc)
    .concat(categories.map((c) => esc(coverageHeader(c, firstOf.get(c)?.distance ?? 0, lang))));
  const rows: string[][] = [];
  for (const u of input.communities) {
    const row = byCommunity.get(u.id);
    if (!row) continue;
    const first = row.values().next().value;
    rows.push([
      `${esc(u.id)}<br>${esc(u.name)}`,
      n(first?.households ?? 0),
      ...categories.map((c) => {
        const g = row.get(c);
        if (!g) return '';
        // Count over share on two lines, so ten categories fit across a landscape page.
        const text = `${n(g.notReached)}<br><small>${pct(g.share)}</small>`;
        return g.notReached === 0 ? `<span class="gap-zero">${text}</span>` : text;
      }),
    ]);
  }
  const notes = [
    ...new Set(
      categories
        .map((c) => firstOf.get(c))
        .flatMap((g) =>
          g && gapNote(g, lang) ? [categoryName(g.category, lang) + colon(lang) + gapNote(g, lang)] : [],
        ),
    ),
  ];
  const noteHtml = notes.map((t) => `<p class="note">${esc(t)}</p>`).join('');
  if (!rows.length) return `${heading}<p class="note">${esc(t(lang, 'report.text.noGaps'))}</p>`;
  const numeric = new Set([1, ...categories.map((_, i) => i + 2)]);
  return `${heading}${numericTable(head, rows, numeric, 'gaps')}${intro}${noteHtml}`;
}

function contentSize(paper: 'A4' | 'A3') {
  const page = PAPER[paper];
  const width = page.width - 2 * PAGE_MARGIN;
  // The title block above the map takes about 20 mm; the map fills the rest of the first sheet.
  return { width, mapHeight: page.height - 2 * PAGE_MARGIN - 24 };
}

function metaLine(date: string, profile: RuleProfile, lang: Language): string {
  return [
    esc(t(lang, 'report.text.date') + colon(lang) + isoDay(date)),
    esc(t(lang, 'report.text.profile') + colon(lang) + profile.name[lang]),
  ]
    .map((m) => `<span>${m}</span>`)
    .join('');
}

function reportDocument(title: string, lang: Language, paper: 'A4' | 'A3', body: string, extraCss = ''): string {
  return `<!doctype html>
<html lang="${t(lang, 'report.htmlLang')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css(paper)}${extraCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function comparisonHtml(comparison: ReportComparison, lang: Language, paper: 'A4' | 'A3'): string {
  const size = contentSize(paper);
  // Two maps across the sheet, each as tall as half the width allows.
  return comparisonSection({
    ...comparison,
    language: lang,
    width: size.width,
    mapHeight: Math.min(size.mapHeight - 30, size.width / 2),
  });
}

export function buildPlanReport(input: PlanReportInput): string {
  const lang = input.language;
  const paper = input.paper ?? 'A4';
  const { width: contentWidth, mapHeight } = contentSize(paper);
  const mapWidth = contentWidth - LEGEND_WIDTH - 4;
  const map = planMapSvg({
    communities: input.communities,
    grids: input.grids,
    facilities: input.facilities,
    communityResults: input.analysis.communities,
    language: lang,
    width: mapWidth,
    height: mapHeight,
  });
  const body = `<section class="map-page">
<h1>${esc(input.title)}</h1>
<p class="meta">${metaLine(input.date, input.profile, lang)}</p>
<div class="map-block">${map}${legend(input)}</div>
</section>
<section>${summary(input)}</section>
<section>${communitiesTable(input)}</section>
<section>${flagsTable(input)}</section>
<section>${coverageTable(input)}</section>
<section>${gapsTable(input)}</section>${input.comparison ? `\n${comparisonHtml(input.comparison, lang, paper)}` : ''}`;
  return reportDocument(input.title, lang, paper, body, input.comparison ? COMPARISON_CSS : '');
}

export interface ComparisonReportInput extends ReportComparison {
  title: string;
  date: string;
  profile: RuleProfile;
  language: Language;
  paper?: 'A4' | 'A3';
}

/** The comparison on its own (`cli compare --report`): a title, then the same section as the plan report's. */
export function buildComparisonReport(input: ComparisonReportInput): string {
  const lang = input.language;
  const paper = input.paper ?? 'A4';
  const body = `<h1>${esc(input.title)}</h1>
<p class="meta">${metaLine(input.date, input.profile, lang)}</p>
${comparisonHtml(input, lang, paper)}`;
  // The section breaks before itself in the plan report; here it is the first thing.
  return reportDocument(
    input.title,
    lang,
    paper,
    body,
    `${COMPARISON_CSS}.comparison { break-before: auto; page-break-before: auto; }`,
  );
}

/**
 * "南京东路街道社区规划-2025-03-04.html": the title with what no file system accepts removed,
 * and the day of the date. Chinese is kept; every browser and OS saves it as it is.
 */
export function reportFileName(title: string, date: string): string {
  // \p{Cc}: the control characters (C0, DEL and C1), which no file name should hold.
  const safe = title
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 80);
  const day = isoDay(date).replace(/[^0-9A-Za-z-]/g, '');
  return `${safe || 'plan-report'}${day ? `-${day}` : ''}.html`;
}
