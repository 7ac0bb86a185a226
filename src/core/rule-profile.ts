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

/**
 * Checks a profile read from a file or storage, every field the analysis reads, and returns the
 * problems found (empty when usable), each naming the field ("livingCircle.tiers[1].distance").
 * A profile is data from outside: nothing in it is trusted until it passes.
 */
export function validateProfile(value: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return ['a profile must be a JSON object'];
  const p = value;
  if (typeof p['id'] !== 'string' || !p['id']) problems.push('profile has no "id"');
  if (!isMessage(p['name'])) problems.push('profile "name" needs "zh" and "en"');
  if (p['description'] !== undefined && !isMessage(p['description']))
    problems.push('profile "description" needs "zh" and "en"');
  if (p['caveats'] !== undefined && !isMessage(p['caveats'])) problems.push('profile "caveats" needs "zh" and "en"');
  const types = p['communityTypes'];
  if (!Array.isArray(types) || types.length === 0)
    problems.push('profile needs at least one entry in "communityTypes"');
  else {
    const ids = new Set<string>();
    types.forEach((t: unknown, i) => {
      const where = `communityTypes[${i}]`;
      if (!isRecord(t)) return problems.push(`${where} must be an object`);
      if (typeof t['id'] !== 'string' || !t['id']) problems.push(`${where} has no "id"`);
      else if (ids.has(t['id'])) problems.push(`${where}: the id "${t['id']}" is used twice`);
      else ids.add(t['id']);
      if (!isMessage(t['name'])) problems.push(`${where}.name needs "zh" and "en"`);
      if (!isBand(t)) problems.push(`${where} ("${String(t['id'])}") needs numbers 0 ≤ min ≤ max`);
      problems.push(...sourceProblems(where, t['source']));
    });
    const defaultType = p['defaultCommunityType'];
    if (defaultType !== undefined && (typeof defaultType !== 'string' || !ids.has(defaultType)))
      problems.push(`"defaultCommunityType" (${JSON.stringify(defaultType)}) is none of the community types`);
  }
  const grid = p['grid'];
  if (!isRecord(grid) || !isBand(grid)) problems.push('profile "grid" needs numbers 0 ≤ min ≤ max');
  if (isRecord(grid)) problems.push(...sourceProblems('grid', grid['source']));
  problems.push(...livingCircleProblems(p['livingCircle']));
  const requirements = p['facilityRequirements'];
  if (!Array.isArray(requirements)) problems.push('profile needs a "facilityRequirements" array');
  else requirements.forEach((r: unknown, i) => problems.push(...requirementProblems(`facilityRequirements[${i}]`, r)));
  if (p['serviceArea'] !== undefined) problems.push(...serviceAreaProblems(p['serviceArea']));
  if (p['jurisdictions'] !== undefined && (!Array.isArray(p['jurisdictions']) || !p['jurisdictions'].every(isMessage)))
    problems.push('profile "jurisdictions" must be a list of { "zh", "en" } place names');
  if (problems.length === 0 && containsReplacement(value))
    problems.push('the profile holds "�" where text could not be read: save the file as UTF-8 and load it again');
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMessage(value: unknown): value is Message {
  return isRecord(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string';
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function isBand(holder: Record<string, unknown>): boolean {
  return isCount(holder['min']) && isCount(holder['max']) && holder['min'] <= holder['max'];
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function livingCircleProblems(value: unknown): string[] {
  if (!isRecord(value) || !Array.isArray(value['tiers'])) return ['profile needs "livingCircle.tiers"'];
  const problems: string[] = [];
  const tiers = value['tiers'] as unknown[];
  if (tiers.length === 0) problems.push('"livingCircle.tiers" needs at least one tier');
  tiers.forEach((t, i) => {
    const where = `livingCircle.tiers[${i}]`;
    if (!isRecord(t)) return problems.push(`${where} must be an object with "minutes" and "distance"`);
    if (!isPositive(t['minutes'])) problems.push(`${where}.minutes must be a positive number`);
    if (!isPositive(t['distance'])) problems.push(`${where}.distance must be a positive number of metres`);
  });
  if (!isPositive(value['walkingSpeed']))
    problems.push('"livingCircle.walkingSpeed" must be a positive number (m/min)');
  if (!isPositive(value['elderlyWalkingSpeed']))
    problems.push('"livingCircle.elderlyWalkingSpeed" must be a positive number (m/min)');
  problems.push(...sourceProblems('livingCircle', value['source']));
  return problems;
}

function requirementProblems(where: string, r: unknown): string[] {
  if (!isRecord(r)) return [`${where} must be an object`];
  const problems: string[] = [];
  if (typeof r['id'] !== 'string' || !r['id']) problems.push(`${where} has no "id"`);
  const categories = r['categories'];
  if (!Array.isArray(categories) || categories.length === 0 || !categories.every((c) => typeof c === 'string' && c))
    problems.push(`${where}.categories must list at least one facility category`);
  if (!isMessage(r['name'])) problems.push(`${where}.name needs "zh" and "en"`);
  const within = r['within'];
  if (within !== 'inside' && !isPositive(within))
    problems.push(`${where}.within must be "inside" or a positive distance in metres, not ${JSON.stringify(within)}`);
  const share = r['share'];
  if (share !== undefined && !(typeof share === 'number' && share >= 0 && share <= 1))
    problems.push(`${where}.share must be a number from 0 to 1`);
  if (!SEVERITIES.has(r['severity'] as string))
    problems.push(`${where}.severity must be "error", "warning" or "info", not ${JSON.stringify(r['severity'])}`);
  problems.push(...sourceProblems(where, r['source']));
  return problems;
}

function serviceAreaProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['profile "serviceArea" must be an object'];
  const problems: string[] = [];
  if (!isCount(value['perHundredHouseholds']))
    problems.push('"serviceArea.perHundredHouseholds" must be a number ≥ 0 (m² per 100 households)');
  if (!isCount(value['minimum'])) problems.push('"serviceArea.minimum" must be a number ≥ 0 (m²)');
  const categories = value['categories'];
  if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
    problems.push('"serviceArea.categories" must be a list of facility categories');
  problems.push(...sourceProblems('serviceArea', value['source']));
  return problems;
}

/** Every rule cites its source: a document and a clause, and bilingual optional parts. */
function sourceProblems(where: string, source: unknown): string[] {
  if (!isRecord(source)) return [`${where} has no "source" (the document and clause the rule comes from)`];
  const problems: string[] = [];
  if (typeof source['document'] !== 'string' || !source['document']) problems.push(`${where}.source has no "document"`);
  if (typeof source['clause'] !== 'string') problems.push(`${where}.source has no "clause"`);
  if (source['ruleId'] !== undefined && typeof source['ruleId'] !== 'string')
    problems.push(`${where}.source.ruleId must be text`);
  if (source['note'] !== undefined && !isMessage(source['note']))
    problems.push(`${where}.source.note needs "zh" and "en"`);
  if (source['borrowedFrom'] !== undefined && !isMessage(source['borrowedFrom']))
    problems.push(`${where}.source.borrowedFrom needs "zh" and "en"`);
  return problems;
}

/** U+FFFD anywhere in the profile's text: the file was not UTF-8 (a GBK file read as UTF-8). */
function containsReplacement(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\uFFFD');
  if (Array.isArray(value)) return value.some(containsReplacement);
  if (isRecord(value)) return Object.values(value).some(containsReplacement);
  return false;
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
