// Rule profiles: the planning rules as data. A profile gives each community type its household
// band, the grid band and (later) living-circle tiers and facility requirements, each with the
// clause it comes from. Users pick a profile, edit thresholds and save their own copy.
import type { Message, RuleSource } from './model';

export interface CommunityTypeRule {
  /** Stable id used in community properties, e.g. "urban". */
  id: string;
  name: Message;
  /** Household band [min, max], inclusive. */
  min: number;
  max: number;
  source: RuleSource;
}

export interface GridRule {
  min: number;
  max: number;
  source: RuleSource;
}

export interface LivingCircleTier {
  minutes: number;
  /** Walking distance in metres. */
  distance: number;
}

export interface LivingCircleRule {
  tiers: LivingCircleTier[];
  /** Metres per minute. */
  walkingSpeed: number;
  /** Metres per minute for elderly residents. */
  elderlyWalkingSpeed: number;
  /** When true, each tier's distance is its minutes at the elderly walking speed. */
  useElderlySpeed?: boolean;
  source: RuleSource;
}

/** The walking distances the coverage analysis uses, in metres, ascending. */
export function livingCircleDistances(rule: LivingCircleRule): number[] {
  const d = rule.useElderlySpeed
    ? rule.tiers.map((t) => Math.round(t.minutes * rule.elderlyWalkingSpeed))
    : rule.tiers.map((t) => t.distance);
  return d.sort((a, b) => a - b);
}

/** A facility a community must have, inside it or within a walking distance (issue 4). */
export interface FacilityRequirement {
  id: string;
  /** Facility categories any of which satisfies the requirement. */
  categories: string[];
  name: Message;
  /** 'inside': a facility inside the community; a number: within this network distance (m) of its households. */
  within: 'inside' | number;
  /** For distance requirements: the share of households that must be within it (0..1). */
  share?: number;
  severity: 'error' | 'warning' | 'info';
  source: RuleSource;
}

export interface ServiceAreaRule {
  /** m² per 100 households. */
  perHundredHouseholds: number;
  /** Minimum m² whatever the size. */
  minimum: number;
  /** Facility categories whose floor area counts as the service centre. */
  categories: string[];
  source: RuleSource;
}

export interface RuleProfile {
  id: string;
  name: Message;
  description: Message;
  /** Where figures still need checking against their standard (STANDARDS.md ⚠). */
  caveats?: Message;
  /**
   * The places whose documents are this profile's own (a city's profile also owns its province's).
   * A rule citing any other place's document is borrowed and says so in its source.
   */
  jurisdictions?: Message[];
  communityTypes: CommunityTypeRule[];
  defaultCommunityType: string;
  grid: GridRule;
  livingCircle: LivingCircleRule;
  facilityRequirements: FacilityRequirement[];
  serviceArea?: ServiceAreaRule;
  /** True for profiles shipped with the app; user copies are false. */
  builtIn: boolean;
}

export function findCommunityType(profile: RuleProfile, typeId: string | undefined): CommunityTypeRule {
  const byId = typeId ? profile.communityTypes.find((t) => t.id === typeId) : undefined;
  return (
    byId ?? profile.communityTypes.find((t) => t.id === profile.defaultCommunityType) ?? profile.communityTypes[0]!
  );
}

/** Checks a profile read from a file or storage; returns the problems found (empty when usable). */
export function validateProfile(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['a profile must be a JSON object'];
  const p = value as Partial<RuleProfile>;
  if (typeof p.id !== 'string' || !p.id) problems.push('profile has no "id"');
  if (!p.name || typeof p.name.zh !== 'string' || typeof p.name.en !== 'string')
    problems.push('profile "name" needs "zh" and "en"');
  if (!Array.isArray(p.communityTypes) || p.communityTypes.length === 0)
    problems.push('profile needs at least one entry in "communityTypes"');
  else
    p.communityTypes.forEach((t, i) => {
      if (typeof t.id !== 'string') problems.push(`communityTypes[${i}] has no "id"`);
      if (!Number.isFinite(t.min) || !Number.isFinite(t.max) || t.min < 0 || t.max < t.min)
        problems.push(`communityTypes[${i}] ("${t.id}") needs numbers 0 ≤ min ≤ max`);
      if (!t.source || typeof t.source.document !== 'string') problems.push(`communityTypes[${i}] has no "source"`);
    });
  if (!p.grid || !Number.isFinite(p.grid.min) || !Number.isFinite(p.grid.max) || p.grid.max < p.grid.min)
    problems.push('profile "grid" needs numbers min ≤ max');
  if (!p.livingCircle || !Array.isArray(p.livingCircle.tiers)) problems.push('profile needs "livingCircle.tiers"');
  if (!Array.isArray(p.facilityRequirements)) problems.push('profile needs a "facilityRequirements" array');
  if (p.jurisdictions !== undefined && (!Array.isArray(p.jurisdictions) || !p.jurisdictions.every(isMessage)))
    problems.push('profile "jurisdictions" must be a list of { "zh", "en" } place names');
  for (const [where, source] of profileSources(p)) problems.push(...sourceProblems(where, source));
  return problems;
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Message>;
  return typeof m.zh === 'string' && typeof m.en === 'string';
}

/** The optional parts of a source, when present, must be bilingual like every text a user reads. */
function sourceProblems(where: string, source: unknown): string[] {
  if (typeof source !== 'object' || source === null) return [];
  const s = source as Partial<RuleSource>;
  const problems: string[] = [];
  if (s.note !== undefined && !isMessage(s.note)) problems.push(`${where}.source.note needs "zh" and "en"`);
  if (s.borrowedFrom !== undefined && !isMessage(s.borrowedFrom))
    problems.push(`${where}.source.borrowedFrom needs "zh" and "en"`);
  return problems;
}

/** Every rule source a profile holds, with where it sits ("grid", "facilityRequirements[2]"…). */
export function profileSources(p: Partial<RuleProfile>): [string, RuleSource][] {
  const out: [string, RuleSource][] = [];
  const add = (where: string, holder: { source?: RuleSource } | undefined) => {
    if (holder && typeof holder === 'object' && holder.source) out.push([where, holder.source]);
  };
  if (Array.isArray(p.communityTypes)) p.communityTypes.forEach((t, i) => add(`communityTypes[${i}]`, t));
  add('grid', p.grid);
  add('livingCircle', p.livingCircle);
  if (Array.isArray(p.facilityRequirements))
    p.facilityRequirements.forEach((r, i) => add(`facilityRequirements[${i}]`, r));
  add('serviceArea', p.serviceArea);
  return out;
}
