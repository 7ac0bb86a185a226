// Rule profiles: the planning rules as data. A profile gives each community type its household
// band, the grid band and (later) living-circle tiers and facility requirements, each with the
// clause it comes from. Users pick a profile, edit thresholds and save their own copy.
import { msg } from './i18n';
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
 * problems found (empty when usable), each naming the field ("livingCircle.tiers[1].distance"),
 * in both languages. A profile is data from outside: nothing in it is trusted until it passes.
 */
export function profileProblems(value: unknown): Message[] {
  const problems: Message[] = [];
  if (!isRecord(value)) return [msg('profile.problem.notObject')];
  const p = value;
  if (typeof p['id'] !== 'string' || !p['id']) problems.push(msg('profile.problem.noProfileId'));
  if (!isMessage(p['name'])) problems.push(msg('profile.problem.profileText', { field: 'name' }));
  for (const field of ['description', 'caveats'])
    if (p[field] !== undefined && !isMessage(p[field])) problems.push(msg('profile.problem.profileText', { field }));
  const types = p['communityTypes'];
  if (!Array.isArray(types) || types.length === 0) problems.push(msg('profile.problem.noCommunityTypes'));
  else {
    const ids = new Set<string>();
    types.forEach((t: unknown, i) => {
      const where = `communityTypes[${i}]`;
      if (!isRecord(t)) return problems.push(msg('profile.problem.mustBeObject', { where }));
      if (typeof t['id'] !== 'string' || !t['id']) problems.push(msg('profile.problem.noId', { where }));
      else if (ids.has(t['id'])) problems.push(msg('profile.problem.idTwice', { where, id: shown(t['id']) }));
      else ids.add(t['id']);
      if (!isMessage(t['name'])) problems.push(msg('profile.problem.text', { where: `${where}.name` }));
      if (!isBand(t)) problems.push(msg('profile.problem.band', { where, id: shown(String(t['id'])) }));
      problems.push(...sourceProblems(where, t['source']));
    });
    const defaultType = p['defaultCommunityType'];
    if (defaultType !== undefined && (typeof defaultType !== 'string' || !ids.has(defaultType)))
      problems.push(msg('profile.problem.defaultType', { value: shownJson(defaultType) }));
  }
  const grid = p['grid'];
  if (!isRecord(grid) || !isBand(grid)) problems.push(msg('profile.problem.gridBand'));
  if (isRecord(grid)) problems.push(...sourceProblems('grid', grid['source']));
  problems.push(...livingCircleProblems(p['livingCircle']));
  const requirements = p['facilityRequirements'];
  if (!Array.isArray(requirements)) problems.push(msg('profile.problem.noRequirements'));
  else requirements.forEach((r: unknown, i) => problems.push(...requirementProblems(`facilityRequirements[${i}]`, r)));
  if (p['serviceArea'] !== undefined) problems.push(...serviceAreaProblems(p['serviceArea']));
  if (p['jurisdictions'] !== undefined && (!Array.isArray(p['jurisdictions']) || !p['jurisdictions'].every(isMessage)))
    problems.push(msg('profile.problem.jurisdictions'));
  const unreadable = unreadableFields(value, '');
  if (unreadable.length === 1) problems.push(msg('profile.problem.unreadable', { where: unreadable[0]! }));
  else if (unreadable.length > 1)
    problems.push(msg('profile.problem.unreadableMore', { where: unreadable[0]!, count: unreadable.length - 1 }));
  return problems;
}

/** The problems of {@link profileProblems} in English, for storage checks and logs. */
export function validateProfile(value: unknown): string[] {
  return profileProblems(value).map((m) => m.en);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMessage(value: unknown): value is Message {
  return isRecord(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string';
}

/** Text from the file, cut so that a hostile megabyte of it cannot flood a message. */
function shown(text: string, maxLength = 40): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

/** A value from the file as JSON ("somewhere" with its quotes, null), cut like {@link shown}. */
function shownJson(value: unknown): string {
  return shown(JSON.stringify(value) ?? String(value));
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function isBand(holder: Record<string, unknown>): boolean {
  return isCount(holder['min']) && isCount(holder['max']) && holder['min'] <= holder['max'];
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function livingCircleProblems(value: unknown): Message[] {
  if (!isRecord(value) || !Array.isArray(value['tiers'])) return [msg('profile.problem.noTiers')];
  const problems: Message[] = [];
  const tiers = value['tiers'] as unknown[];
  if (tiers.length === 0) problems.push(msg('profile.problem.emptyTiers'));
  tiers.forEach((t, i) => {
    const where = `livingCircle.tiers[${i}]`;
    if (!isRecord(t)) return problems.push(msg('profile.problem.tierObject', { where }));
    if (!isPositive(t['minutes'])) problems.push(msg('profile.problem.tierMinutes', { where }));
    if (!isPositive(t['distance'])) problems.push(msg('profile.problem.tierDistance', { where }));
  });
  for (const field of ['walkingSpeed', 'elderlyWalkingSpeed'])
    if (!isPositive(value[field])) problems.push(msg('profile.problem.speed', { field }));
  problems.push(...sourceProblems('livingCircle', value['source']));
  return problems;
}

function requirementProblems(where: string, r: unknown): Message[] {
  if (!isRecord(r)) return [msg('profile.problem.mustBeObject', { where })];
  const problems: Message[] = [];
  if (typeof r['id'] !== 'string' || !r['id']) problems.push(msg('profile.problem.noId', { where }));
  const categories = r['categories'];
  if (!Array.isArray(categories) || categories.length === 0 || !categories.every((c) => typeof c === 'string' && c))
    problems.push(msg('profile.problem.categories', { where }));
  if (!isMessage(r['name'])) problems.push(msg('profile.problem.text', { where: `${where}.name` }));
  const within = r['within'];
  if (within !== 'inside' && !isPositive(within))
    problems.push(msg('profile.problem.within', { where, value: shownJson(within) }));
  const share = r['share'];
  if (share !== undefined && !(typeof share === 'number' && share >= 0 && share <= 1))
    problems.push(msg('profile.problem.share', { where }));
  if (!SEVERITIES.has(r['severity'] as string))
    problems.push(msg('profile.problem.severity', { where, value: shownJson(r['severity']) }));
  problems.push(...sourceProblems(where, r['source']));
  return problems;
}

function serviceAreaProblems(value: unknown): Message[] {
  if (!isRecord(value)) return [msg('profile.problem.serviceAreaObject')];
  const problems: Message[] = [];
  if (!isCount(value['perHundredHouseholds'])) problems.push(msg('profile.problem.perHundred'));
  if (!isCount(value['minimum'])) problems.push(msg('profile.problem.minimumArea'));
  const categories = value['categories'];
  if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
    problems.push(msg('profile.problem.serviceCategories'));
  problems.push(...sourceProblems('serviceArea', value['source']));
  return problems;
}

/** Every rule cites its source: a document and a clause, and bilingual optional parts. */
function sourceProblems(where: string, source: unknown): Message[] {
  if (!isRecord(source)) return [msg('profile.problem.noSource', { where })];
  const problems: Message[] = [];
  if (typeof source['document'] !== 'string' || !source['document'])
    problems.push(msg('profile.problem.noDocument', { where }));
  if (typeof source['clause'] !== 'string') problems.push(msg('profile.problem.noClause', { where }));
  if (source['ruleId'] !== undefined && typeof source['ruleId'] !== 'string')
    problems.push(msg('profile.problem.ruleIdText', { where }));
  for (const part of ['note', 'borrowedFrom'])
    if (source[part] !== undefined && !isMessage(source[part]))
      problems.push(msg('profile.problem.text', { where: `${where}.source.${part}` }));
  return problems;
}

/**
 * The fields whose text holds U+FFFD, by path ("grid.source.document"): the file was not UTF-8
 * (a GBK file read as UTF-8), and such a citation would be shown as given.
 */
function unreadableFields(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\uFFFD') ? [path || '(text)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unreadableFields(v, `${path}[${i}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => unreadableFields(v, path ? `${path}.${k}` : k));
  return [];
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
