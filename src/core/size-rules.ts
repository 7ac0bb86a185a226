// Size rules: each community's household count against its type's band from the profile, and
// each grid's count against the profile's grid band. Results and flags are plain data.
import { makeFlag } from './flag-registry';
import { msg, t, type Language } from './i18n';
import type { AreaResult, AreaUnit, BandStatus, Message, PlanSummary } from './model';
import { findCommunityType, type RuleProfile } from './rule-profile';

export function bandStatus(value: number, min: number, max: number): { status: BandStatus; distance: number } {
  if (value < min) return { status: 'below', distance: value - min };
  if (value > max) return { status: 'above', distance: value - max };
  return { status: 'within', distance: 0 };
}

/** The unit's label in both languages, for a flag's subject. */
export function unitSubject(unit: AreaUnit): Message {
  return { zh: unitLabel(unit, 'zh'), en: unitLabel(unit, 'en') };
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
      subject: unitSubject(unit),
      measured: households,
      limit: [type.min, type.max],
    });
    result.flags.push(flag);
  }
  if (status === 'above' && largest && largest.households > type.max) {
    const name = largest.name?.trim();
    const flag = makeFlag('size.indivisible-above-band', type.source, [unit.id], {
      subject: unitSubject(unit),
      measured: largest.households,
      limit: type.max,
      ...(name ? { detail: msg('flag.quoted', { name }) } : {}),
    });
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
      subject: unitSubject(unit),
      measured: households,
      limit: [min, max],
    });
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
