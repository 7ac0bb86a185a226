// `analyze`: reads communities, households and optional grids (GeoJSON, FlatGeobuf or CSV),
// counts households per community and grid with the same analyzer the app's worker runs, applies
// the rule profile and writes the plan export. Errors in input become one-line reasons.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCrs } from '../core/coordinates';
import { buildPlanExport, coverageExport } from '../core/export-plan';
import type { AreaUnit, Crs, HouseholdSet } from '../core/model';
import { builtInProfile, BUILT_IN_PROFILES, DEFAULT_PROFILE_ID } from '../core/profiles';
import { validateProfile, type RuleProfile } from '../core/rule-profile';
import { importLayer, writeGeoJson, type ImportOptions } from '../io';
import { PlanAnalyzer } from '../analysis/plan-analyzer';
import { UsageError } from './args';

export const ANALYZE_OPTIONS = new Set([
  'communities',
  'households',
  'grids',
  'households-field',
  'crs',
  'households-crs',
  'communities-crs',
  'grids-crs',
  'profile',
  'out',
  'roads',
  'roads-crs',
  'facilities',
  'facilities-crs',
  'category-field',
  'distances',
]);

/** A failure the user can act on; printed as one line, no stack trace. */
export class InputError extends Error {}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: file not found`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a file`);
    throw new InputError(`${path}: cannot be read (${code ?? 'unknown error'})`);
  }
}

function crsOption(options: Map<string, string>, name: string, fallback: Crs): Crs {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const crs = parseCrs(raw);
  if (!crs) throw new UsageError(`--${name} must be wgs84, gcj02 or bd09, not "${raw}"`);
  return crs;
}

async function load(path: string, options: ImportOptions) {
  const bytes = await readInput(path);
  const result = await importLayer(bytes, basename(path), options);
  if (!result.ok) {
    const first = result.problems[0];
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problem${result.problems.length > 2 ? 's' : ''})` : '';
    throw new InputError(`${path}: ${first ? `${first.where}: ${first.message}` : 'cannot be imported'}${more}`);
  }
  return result.layer;
}

async function loadProfile(value: string | undefined): Promise<RuleProfile> {
  if (!value) return builtInProfile(DEFAULT_PROFILE_ID)!;
  const builtIn = builtInProfile(value);
  if (builtIn) return builtIn;
  if (!/[./\\]/.test(value))
    throw new UsageError(`unknown profile "${value}"; built-in profiles: ${BUILT_IN_PROFILES.map((p) => p.id).join(', ')}, or give a profile JSON file`);
  const bytes = await readInput(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new InputError(`${value}: the profile is not valid JSON`);
  }
  const problems = validateProfile(parsed);
  if (problems.length) throw new InputError(`${value}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return parsed as RuleProfile;
}

function parseDistances(value: string | undefined, profile: RuleProfile): number[] {
  if (value === undefined) return profile.livingCircle.tiers.map((t) => t.distance);
  const parts = value.split(',').map((v) => v.trim());
  const numbers = parts.map(Number);
  const bad = parts.find((p, i) => p === '' || !Number.isFinite(numbers[i]) || numbers[i]! <= 0);
  if (bad !== undefined) throw new UsageError(`--distances must be positive numbers of metres separated by commas, e.g. 300,500,1000 (got "${value}")`);
  return numbers;
}

export interface AnalyzeSummary {
  communities: number;
  grids: number;
  totalHouseholds: number;
  unassignedHouseholds: number;
  coverageMode: 'network' | 'straight-line' | null;
  out: string;
}

export async function runAnalyze(options: Map<string, string>): Promise<AnalyzeSummary> {
  const communitiesPath = options.get('communities');
  const householdsPath = options.get('households');
  const out = options.get('out');
  if (!communitiesPath) throw new UsageError('--communities FILE is required');
  if (!householdsPath) throw new UsageError('--households FILE is required');
  if (!out) throw new UsageError('--out FILE is required');
  const crs = crsOption(options, 'crs', 'wgs84');
  const profile = await loadProfile(options.get('profile'));

  const communitiesLayer = await load(communitiesPath, { role: 'communities', crs: crsOption(options, 'communities-crs', crs) });
  const householdsLayer = await load(householdsPath, {
    role: 'households',
    crs: crsOption(options, 'households-crs', crs),
    householdsField: options.get('households-field') ?? null,
  });
  const gridsPath = options.get('grids');
  const gridsLayer = gridsPath ? await load(gridsPath, { role: 'grids', crs: crsOption(options, 'grids-crs', crs) }) : null;

  const communities: AreaUnit[] = communitiesLayer.role === 'communities' ? communitiesLayer.units : [];
  const grids: AreaUnit[] = gridsLayer && gridsLayer.role === 'grids' ? gridsLayer.units.map((g) => ({ ...g, kind: 'grid' })) : [];
  const households: HouseholdSet | null = householdsLayer.role === 'households' ? householdsLayer.households : null;
  if (!households) throw new InputError(`${householdsPath}: not a household point layer`);

  const distances = parseDistances(options.get('distances'), profile);
  const facilitiesPath = options.get('facilities');
  const roadsPath = options.get('roads');
  if (roadsPath && !facilitiesPath) throw new UsageError('--roads needs --facilities: coverage is measured to facilities');
  const facilitiesLayer = facilitiesPath
    ? await load(facilitiesPath, { role: 'facilities', crs: crsOption(options, 'facilities-crs', crs), categoryField: options.get('category-field') ?? 'category' })
    : null;
  const roadsLayer = roadsPath ? await load(roadsPath, { role: 'roads', crs: crsOption(options, 'roads-crs', crs) }) : null;

  // --distances replaces the profile's living-circle distances for this run.
  const runProfile: RuleProfile = options.has('distances')
    ? { ...profile, livingCircle: { ...profile.livingCircle, tiers: distances.map((d, i) => ({ minutes: profile.livingCircle.tiers[i]?.minutes ?? Math.round(d / profile.livingCircle.walkingSpeed), distance: d })) } }
    : profile;
  const analyzer = new PlanAnalyzer(households);
  analyzer.setCommunities(communities.map((c) => ({ ...c, kind: 'community' })));
  analyzer.setGrids(grids);
  if (facilitiesLayer && facilitiesLayer.role === 'facilities') {
    analyzer.setFacilities(facilitiesLayer.facilities);
    analyzer.setRoads(roadsLayer && roadsLayer.role === 'roads' ? roadsLayer.roads : null);
  }
  const analysis = analyzer.analyze(runProfile);

  const coverage = analysis.coverage ?? null;
  const { extraProperties, metadata: coverageMetadata } = coverageExport(coverage ?? undefined, communities);
  if (coverage?.network) {
    coverageMetadata.network = coverage.network;
    coverageMetadata.householdsOffNetwork = coverage.householdsOffNetwork ?? 0;
  }
  const plan = buildPlanExport({
    communities,
    grids,
    analysis,
    profile: runProfile,
    extraProperties,
    metadata: {
      ...coverageMetadata,
      inputs: {
        communities: basename(communitiesPath),
        households: basename(householdsPath),
        grids: gridsPath ? basename(gridsPath) : null,
        householdsField: options.get('households-field') ?? null,
        facilities: facilitiesPath ? basename(facilitiesPath) : null,
        roads: roadsPath ? basename(roadsPath) : null,
      },
    },
  });
  try {
    await writeFile(out, writeGeoJson(plan));
  } catch (error) {
    throw new InputError(`${out}: cannot write the output (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return {
    communities: communities.length,
    grids: grids.length,
    totalHouseholds: analysis.totalHouseholds,
    unassignedHouseholds: analysis.unassignedHouseholds,
    coverageMode: coverage?.mode ?? null,
    out,
  };
}
