import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { PlanAnalyzer } from '../../analysis/plan-analyzer';
import { importLayer } from '../../io';
import type { AreaUnit, Facility, Flag, HouseholdSet } from '../model';
import { builtInProfile } from '../profiles';
import { facilityGaps, listFlags } from '../plan-table';
import { escapeHtml } from './html-escape';
import { FORMULA_NAME, handPlan, SCRIPT_NAME } from './hand-plan.testing';
import { roundScaleLength } from './plan-map-svg';
import { buildPlanReport, reportFileName, type PlanReportInput } from './plan-report';
import { isLanguage, type Language } from '../i18n';

const report = (overrides: Partial<PlanReportInput> = {}) =>
  buildPlanReport({
    ...handPlan({ language: overrides.language ?? 'zh' }),
    title: '南京东路街道社区规划',
    date: '2025-03-04T10:00:00Z',
    ...overrides,
  });

/** How the report cites a flag's rule: its id, then document and clause. */
const citation = (flag: Flag) =>
  `<td class="rule"><b>${escapeHtml(flag.source.ruleId)}</b></td><td class="cite">${escapeHtml(flag.source.document)} · ${escapeHtml(flag.source.clause)}</td>`;

/** The text of the <section> whose <h2> starts with `heading`. */
function section(html: string, heading: string): string {
  const start = html.indexOf(`<h2>${heading}`);
  expect(start, heading).toBeGreaterThan(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

describe('plan report', () => {
  it('is one standalone document: no script, no external resource', () => {
    const html = report();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)=/i);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import|<link/i);
    expect(html).toContain('@page { size: A4 landscape; margin: 12mm; }');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid;');
    expect(report({ paper: 'A3' })).toContain('@page { size: A3 landscape; margin: 12mm; }');
  });

  it('escapes names from the data', () => {
    const html = report();
    expect(html).not.toContain(SCRIPT_NAME);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(report({ title: '</title><script>x</script>' })).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>',
    );
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('gives the title, date, profile and summary figures', () => {
    const html = report();
    expect(html).toContain('<h1>南京东路街道社区规划</h1>');
    expect(html).toContain('日期：2025-03-04');
    expect(html).toContain('规则配置：江苏 2011（苏发〔2011〕15号）');
    const s = section(html, '概况');
    expect(s).toContain('<tr><th>社区数</th><td>2</td></tr>');
    expect(s).toContain('<tr><th>规模符合标准</th><td>1</td></tr>');
    expect(s).toContain('<tr><th>低于下限</th><td>1</td></tr>');
    expect(s).toContain('<tr><th>规模达标率</th><td>50.0%</td></tr>');
    expect(s).toContain('<tr><th>总户数</th><td>2,750 户</td></tr>');
    expect(s).toContain('<tr><th>不属于任何社区的户数</th><td>50 户</td></tr>');
    expect(s).toContain('<tr><th>不在任何网格内的户数</th><td>1,550 户</td></tr>');
    expect(s).toContain('直线距离');
  });

  it('lists every community with its households and status', () => {
    const s = section(report(), '各社区规模');
    expect(s.match(/<tbody>.*<\/tbody>/s)![0].match(/<tr>/g)!.length).toBe(2);
    expect(s).toMatch(/<td>A<\/td><td>南京东路社区<\/td><td>城市社区<\/td><td class="num">2,200<\/td>/);
    expect(s).toContain('<td class="num">-1,500</td>');
    expect(s).toContain('低于下限');
  });

  it('cites the rule of every flag: rule id, document and clause', () => {
    const input = handPlan();
    const s = section(report(), '问题清单及依据');
    const listed = listFlags(input);
    expect(s.match(/<table class="flags">.*?<\/table>/s)![0].match(/<tr>/g)!.length - 1).toBe(listed.length);
    // Counted by rule first; the counts add up to the whole list.
    const byRule = s.match(/<table class="by-rule">.*?<\/table>/s)![0];
    expect(byRule).toContain(
      '<td><b>J1</b></td><td><span class="cite">江苏 苏发〔2011〕15号 《关于加强城乡社区建设的意见》 · (十三) 优化社区布局规模：城市2000-3000户</span></td><td>size.below-band</td>',
    );
    const counted = [...byRule.matchAll(/<td class="num">(\d+)<\/td>/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(listed.length);
    // Grouped under their subjects: the plan, A, A and B (the overlap), B, G1 and the gap.
    expect([...s.matchAll(/<tr class="group"><td colspan="5">([^<]*)<\/td>/g)].map((m) => m[1])).toEqual([
      'plan 全区',
      'A 南京东路社区',
      `A 南京东路社区、B ${escapeHtml(SCRIPT_NAME)}`,
      `B ${escapeHtml(SCRIPT_NAME)}`,
      `G1 ${escapeHtml(FORMULA_NAME)}`,
      'gap-1',
    ]);
    for (const { flag } of listed) {
      expect(s).toContain(escapeHtml(flag.message.zh));
      expect(s).toContain(citation(flag));
    }
    expect(s).toContain('gap-1');
    expect(s).toContain(escapeHtml(FORMULA_NAME));
  });

  it('gives coverage by category and tier and the gap counts', () => {
    const html = report();
    const c = section(html, '生活圈覆盖');
    expect(c).toContain('≤300 m（5 分钟）');
    expect(c).toMatch(
      /<td>幼儿园<\/td><td class="num">43\.6%<\/td><td class="num">65\.5%<\/td><td class="num">76\.4%<\/td>/,
    );
    const g = section(html, '设施缺口');
    expect(g).toContain('<th class="num">幼儿园 ≤300 m</th>');
    expect(g).toContain('<th class="num">诊所 ≤1000 m</th>');
    // A: 1,000 of 2,200 beyond 300 m of the kindergarten; none within 1,000 m of the clinic.
    expect(g).toContain(
      '<td>A<br>南京东路社区</td><td class="num">2,200</td><td class="num">2,200<br><small>100.0%</small></td><td class="num">1,000<br><small>45.5%</small></td>',
    );
    expect(g).toContain('<td class="num">500<br><small>100.0%</small></td>');
  });

  it('is all in English when asked, without 户', () => {
    const html = report({ language: 'en', title: 'Plan' });
    expect(html).toContain('<html lang="en">');
    for (const h of [
      'Summary',
      'Communities',
      'Flags and the rules they cite',
      'Living-circle coverage',
      'Facility gaps',
    ])
      expect(html).toContain(`<h2>${h}`);
    expect(html).toContain('<tr><th>Households in total</th><td>2,750</td></tr>');
    expect(html).toContain('Within band');
    // Only the cited documents (and data) are Chinese; no Chinese word of the report's own.
    const own = html.replace(/<(?:td|span) class="cite">[^<]*/g, '').replace(/南京东路社区/g, '');
    expect(own.match(/[\u4e00-\u9fff][^<]*/g) ?? []).toEqual([]);
  });

  it('draws the map: communities by status, grids dashed, facilities, scale bar and north arrow', () => {
    const html = report();
    const svg = html.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svg).toContain('viewBox="0 0 211 162"');
    expect(svg.match(/<g class="communities"[^>]*>(.*?)<\/g>/s)![1]!.match(/<path /g)!.length).toBe(2);
    expect(svg).toContain('fill="#2e9d5b"');
    expect(svg).toContain('fill="#e9a23b"');
    expect(svg).toMatch(/<g class="grids"[^>]*stroke-dasharray/);
    expect(svg.match(/<circle /g)!.length).toBe(2);
    expect(svg).toContain('class="scale-bar"');
    expect(svg).toContain('class="north-arrow"');
    expect(svg).toContain('>北<');
    expect([roundScaleLength(740), roundScaleLength(1999), roundScaleLength(3)]).toEqual([500, 1000, 2]);
  });

  it('names its file after the title and day', () => {
    expect(reportFileName('南京东路街道 社区规划', '2025-03-04T10:00:00Z')).toBe(
      '南京东路街道-社区规划-2025-03-04.html',
    );
    expect(reportFileName('a/b:c*?', '2025-03-04')).toBe('a-b-c-2025-03-04.html');
    expect(reportFileName('  ', '')).toBe('plan-report.html');
    expect(reportFileName('../../etc', '2025-01-01')).toBe('etc-2025-01-01.html');
  });
});

describe('plan report of the demo', () => {
  async function load(
    file: string,
    role: 'communities' | 'grids' | 'households' | 'facilities' | 'roads',
    extra: Record<string, string | null> = {},
  ) {
    const bytes = new Uint8Array(readFileSync(`data/demo/${file}`));
    const result = await importLayer(bytes, file, { role, crs: 'wgs84', ...extra });
    if (!result.ok) throw new Error(`${file}: ${result.problems[0]?.message.en}`);
    return result.layer;
  }

  it('lists every community, flag citation and gap of the demo plan', async () => {
    const communitiesLayer = await load('communities.geojson', 'communities');
    const gridsLayer = await load('grids.geojson', 'grids');
    const householdsLayer = await load('households.geojson', 'households', { householdsField: 'households' });
    const facilitiesLayer = await load('facilities.geojson', 'facilities', { categoryField: 'category' });
    const roadsLayer = await load('roads.geojson', 'roads');
    const communities: AreaUnit[] =
      communitiesLayer.role === 'communities' ? communitiesLayer.units.map((u) => ({ ...u, kind: 'community' })) : [];
    const grids: AreaUnit[] = gridsLayer.role === 'grids' ? gridsLayer.units.map((u) => ({ ...u, kind: 'grid' })) : [];
    const households = (householdsLayer.role === 'households' ? householdsLayer.households : null) as HouseholdSet;
    const facilities: Facility[] = facilitiesLayer.role === 'facilities' ? facilitiesLayer.facilities : [];
    const profile = builtInProfile('jiangsu-2011')!;
    const analyzer = new PlanAnalyzer(households);
    analyzer.setCommunities(communities);
    analyzer.setGrids(grids);
    analyzer.setFacilities(facilities);
    analyzer.setRoads(roadsLayer.role === 'roads' ? roadsLayer.roads : null);
    const analysis = analyzer.analyze(profile);
    const extraFlags = new Map<string, Flag[]>();
    for (const f of analyzer.topology())
      for (const id of f.subjectIds) extraFlags.set(id, [...(extraFlags.get(id) ?? []), f]);
    const language: Language = isLanguage(process.env.REPORT_LANGUAGE) ? process.env.REPORT_LANGUAGE : 'zh';
    const input: PlanReportInput = {
      communities,
      grids,
      facilities,
      analysis,
      profile,
      extraFlags,
      language,
      title: { zh: '上海中心城区社区规划（演示）', en: 'Central Shanghai community plan (demo)' }[language],
      date: '2025-03-04',
      households,
      paper: process.env.REPORT_PAPER === 'A3' ? 'A3' : 'A4',
    };
    const html = buildPlanReport(input);
    if (process.env.REPORT_OUT) writeFileSync(process.env.REPORT_OUT, html);

    const table = section(html, { zh: '各社区规模', en: 'Communities' }[language]);
    for (const c of communities) expect(table).toContain(`<td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.name)}</td>`);
    const flags = section(html, { zh: '问题清单及依据', en: 'Flags and the rules they cite' }[language]);
    const listed = listFlags(input);
    expect(listed.length).toBeGreaterThan(communities.length);
    expect(flags.match(/<table class="flags">.*?<\/table>/s)![0].match(/<tr><td class="num">/g)!.length).toBe(
      listed.length,
    );
    for (const { flag } of listed) expect(flags).toContain(citation(flag));
    const gaps = facilityGaps(input);
    const gapSection = section(html, { zh: '设施缺口', en: 'Facility gaps' }[language]);
    for (const g of gaps)
      expect(gapSection).toContain(
        `${g.notReached.toLocaleString('en-US')}<br><small>${(g.share * 100).toFixed(1)}%</small>`,
      );
    const gapRows = gapSection.match(/<tbody>.*<\/tbody>/s)![0].match(/<tr>/g)!.length;
    expect(gapRows).toBe(new Set(gaps.map((g) => g.communityId)).size);
  });
});
