// Size rules: each community's household count against its type's band from the profile, and
// each grid's count against the profile's grid band. Results and flags are plain data.
import { makeFlag } from './flag-registry';
import { t, type Language } from './i18n';
import type { AreaResult, AreaUnit, BandStatus, PlanSummary } from './model';
import { findCommunityType, type RuleProfile } from './rule-profile';

export function bandStatus(value: number, min: number, max: number): { status: BandStatus; distance: number } {
  if (value < min) return { status: 'below', distance: value - min };
  if (value > max) return { status: 'above', distance: value - max };
  return { status: 'within', distance: 0 };
}

export function unitLabel(unit: AreaUnit, lang: Language): string {
  const kind = t(lang, unit.kind === 'community' ? 'unit.community' : 'unit.grid');
  return unit.name && unit.name !== unit.id
    ? t(lang, 'unit.labelNamed', { kind, id: unit.id, name: unit.name })
    : t(lang, 'unit.label', { kind, id: unit.id });
}

/** The household point holding the most households in an area, and its name when the data has one. */
export interface LargestPoint {
  households: number;
  name: string | null;
}

/**
 * `largest` is the community's biggest household point, when the caller knows it: a point that
 * alone exceeds the band's maximum cannot be split by moving boundaries, so the community is
 * flagged as one that no boundary edit can bring into band.
 */
export function evaluateCommunitySize(
  unit: AreaUnit,
  households: number,
  points: number,
  profile: RuleProfile,
  largest?: LargestPoint,
): AreaResult {
  const type = findCommunityType(profile, unit.communityType);
  const { status, distance } = bandStatus(households, type.min, type.max);
  const result: AreaResult = {
    id: unit.id,
    kind: 'community',
    households,
    points,
    band: { min: type.min, max: type.max, status, distance },
    flags: [],
  };
  if (status !== 'within') {
    const flag = makeFlag(status === 'below' ? 'size.below-band' : 'size.above-band', type.source, [unit.id], {
      measured: households,
      limit: [type.min, type.max],
    });
    // Subject names go into the message in each language.
    flag.message = {
      zh: flag.message.zh.replace(/^社区/, unitLabel(unit, 'zh')),
      en: flag.message.en.replace(/^Community/, unitLabel(unit, 'en')),
    };
    result.flags.push(flag);
  }
  if (status === 'above' && largest && largest.households > type.max) {
    const name = largest.name?.trim();
    const flag = makeFlag('size.indivisible-above-band', type.source, [unit.id], {
      measured: largest.households,
      limit: type.max,
      ...(name ? { detail: { zh: `“${name}”`, en: `"${name}"` } } : {}),
    });
    flag.message = {
      zh: flag.message.zh.replace(/^社区/, unitLabel(unit, 'zh')),
      en: flag.message.en.replace(/^Community/, unitLabel(unit, 'en')),
    };
    result.flags.push(flag);
  }
  return result;
}

export function evaluateGridSize(unit: AreaUnit, households: number, points: number, profile: RuleProfile): AreaResult {
  const { min, max, source } = profile.grid;
  const { status, distance } = bandStatus(households, min, max);
  const result: AreaResult = {
    id: unit.id,
    kind: 'grid',
    households,
    points,
    band: { min, max, status, distance },
    flags: [],
  };
  if (status !== 'within') {
    const flag = makeFlag(status === 'below' ? 'grid.below-band' : 'grid.above-band', source, [unit.id], {
      measured: households,
      limit: [min, max],
    });
    flag.message = {
      zh: flag.message.zh.replace(/^网格/, unitLabel(unit, 'zh')),
      en: flag.message.en.replace(/^Grid/, unitLabel(unit, 'en')),
    };
    result.flags.push(flag);
  }
  return result;
}

/** Communities in band over all communities: the compliance rate in the style of STANDARDS.md Y2. */
export function summarize(results: readonly AreaResult[]): PlanSummary {
  let within = 0;
  let below = 0;
  let above = 0;
  for (const r of results) {
    if (r.band?.status === 'within') within++;
    else if (r.band?.status === 'below') below++;
    else if (r.band?.status === 'above') above++;
  }
  return {
    communityCount: results.length,
    withinBand: within,
    belowBand: below,
    aboveBand: above,
    complianceRate: results.length ? within / results.length : 0,
  };
}
