// `analyze`: reads communities, households and optional grids (GeoJSON, FlatGeobuf or CSV) — or a
// plan the app exported, or a project file, with --plan — counts households per community and grid
// with the same analyzer the app's worker runs, applies the rule profile and writes the plan export
// (GeoJSON or flat FlatGeobuf by the --out extension), a project file, and the plan tables.
// Errors in input become one-line reasons.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseCrs } from '../core/coordinates';
import { buildPlanExport, coverageExport } from '../core/export-plan';
import type { AreaUnit, Facility, HouseholdSet, LayerCrs } from '../core/model';
import { buildPlanTables } from '../core/plan-table';
import { buildPlanReport } from '../core/report/plan-report';
import { builtInProfile, BUILT_IN_PROFILES, DEFAULT_PROFILE_ID } from '../core/profiles';
import { profileCategories } from '../core/facility-category-names';
import { profileProblems, type RuleProfile } from '../core/rule-profile';
import { isLanguage, t, type Language } from '../core/i18n';
import { importLayer, writeGeoJson, type ImportOptions, type NamedBytes } from '../io';
import { failureText, FILE, ProblemList } from '../io/problem-list';
import { readPlanFile, type OpenedPlan } from '../io/plan-file';
import { writePlanFlatGeobuf } from '../io/plan-flatgeobuf';
import { PROJECT_EXTENSION, writeProjectFile, type ProjectData } from '../io/project-file';
import { writeTableCsv } from '../io/table-csv';
import { writeTableXlsx } from '../io/table-xlsx';
import { PlanAnalyzer } from '../analysis/plan-analyzer';
import { UsageError } from './args';
import { printWarnings, refusalText } from './print-problems';

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
  'plan',
  'project',
  'table',
  'report',
  'language',
  // Per input layer: which id field, which GeoPackage table (or layer of a zip), which Excel sheet.
  ...['communities', 'households', 'grids', 'facilities', 'roads'].flatMap((layer) => [
    `${layer}-id-field`,
    `${layer}-table`,
    `${layer}-sheet`,
  ]),
]);

/** A failure the user can act on; printed as one line, no stack trace. */
export class InputError extends Error {}

export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: file not found`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a file`);
    throw new InputError(`${path}: cannot be read (${code ?? 'unknown error'})`);
  }
}

/**
 * A layer's coordinate system from the command line: wgs84, gcj02, bd09, an EPSG code
 * ("EPSG:4528", "4528"), a proj string ("+proj=tmerc … +towgs84=…") or WKT. Absent: the fallback,
 * and with none, what the file declares (a .prj, a GeoPackage SRS), else WGS84.
 */
export function crsOption(
  options: Map<string, string>,
  name: string,
  fallback: LayerCrs | undefined,
): LayerCrs | undefined {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const offset = parseCrs(raw);
  if (offset) return offset;
  const text = raw.trim();
  if (/^(epsg:?\s*)?\d{4,5}$/i.test(text) || text.startsWith('+') || /^[A-Z_]+\s*\[/.test(text)) return { proj: text };
  throw new UsageError(`--${name} must be wgs84, gcj02, bd09, EPSG:NNNN or a proj string (+proj=…), not "${raw}"`);
}

/** The per-layer options of one input: its id field, GeoPackage table, Excel sheet. */
export function layerOptions(
  options: Map<string, string>,
  layer: 'communities' | 'households' | 'grids' | 'facilities' | 'roads',
): Pick<ImportOptions, 'idField' | 'table' | 'sheet'> {
  const idField = options.get(`${layer}-id-field`);
  const table = options.get(`${layer}-table`);
  const sheet = options.get(`${layer}-sheet`);
  return {
    ...(idField !== undefined ? { idField } : {}),
    ...(table !== undefined ? { table } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
}

const SHAPEFILE_SIBLINGS = new Set(['.shx', '.dbf', '.prj', '.cpg']);

/** A .shp with the parts of the same name beside it (any letter case), read as one import. */
async function shapefileParts(path: string, bytes: Uint8Array): Promise<NamedBytes[]> {
  const dir = dirname(path);
  const base = basename(path)
    .replace(/\.shp$/i, '')
    .toLowerCase();
  const names = await readdir(dir).catch(() => [] as string[]);
  const parts: NamedBytes[] = [{ name: basename(path), bytes }];
  for (const name of names) {
    const ext = extensionOf(name);
    if (SHAPEFILE_SIBLINGS.has(ext) && name.slice(0, -ext.length).toLowerCase() === base)
      parts.push({ name, bytes: await readInput(join(dir, name)) });
  }
  return parts;
}

export async function load(path: string, options: ImportOptions, language: Language) {
  const bytes = await readInput(path);
  const input = extensionOf(path) === '.shp' ? await shapefileParts(path, bytes) : bytes;
  const result = await importLayer(input, basename(path), options);
  if (!result.ok) throw new InputError(refusalText(path, result.problems, language));
  printWarnings(path, result.warnings, language);
  return result.layer;
}

/**
 * A built-in profile by id, or a profile JSON file. A file that is not a usable profile is refused
 * with every problem on its own line (as many as an import lists), each naming its field.
 */
export async function loadProfile(value: string, language: Language): Promise<RuleProfile> {
  const builtIn = builtInProfile(value);
  if (builtIn) return builtIn;
  if (!/[./\\]/.test(value))
    throw new UsageError(
      `unknown profile "${value}"; built-in profiles: ${BUILT_IN_PROFILES.map((p) => p.id).join(', ')}, or give a profile JSON file`,
    );
  const bytes = await readInput(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new InputError(t(language, 'profile.notJson', { file: value }));
  }
  const problems = new ProblemList();
  for (const message of profileProblems(parsed)) problems.add(FILE, message);
  if (problems.count) throw new InputError(refusalText(value, problems.toArray(), language));
  return parsed as RuleProfile;
}

function parseDistances(value: string | undefined, profile: RuleProfile): number[] {
  if (value === undefined) return profile.livingCircle.tiers.map((t) => t.distance);
  const parts = value.split(',').map((v) => v.trim());
  const numbers = parts.map(Number);
  const bad = parts.find((p, i) => p === '' || !Number.isFinite(numbers[i]) || numbers[i]! <= 0);
  if (bad !== undefined)
    throw new UsageError(
      `--distances must be positive numbers of metres separated by commas, e.g. 300,500,1000 (got "${value}")`,
    );
  return numbers;
}

export interface AnalyzeSummary {
  communities: number;
  grids: number;
  totalHouseholds: number;
  unassignedHouseholds: number;
  coverageMode: 'network' | 'straight-line' | null;
  /** Every file written, in order. */
  written: string[];
  /** Things the person should know (e.g. which profile a plan brought); printed, not errors. */
  notes: string[];
}

type OutFormat = 'geojson' | 'flatgeobuf';

export function extensionOf(path: string): string {
  const base = basename(path).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

function outFormat(path: string): OutFormat {
  const ext = extensionOf(path);
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  if (ext === '.fgb') return 'flatgeobuf';
  throw new UsageError(`--out must end in .geojson, .json or .fgb (FlatGeobuf), not "${basename(path)}"`);
}

export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new InputError(`${path}: cannot write the output (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function openPlan(path: string, language: Language): Promise<OpenedPlan> {
  const result = await readPlanFile(await readInput(path), basename(path));
  if (!result.ok) throw new InputError(failureText(path, result.problems, language, 'io.cannotBeOpened'));
  return result.plan;
}

/** The profile a plan or project brings, when --profile does not name one. */
function planProfile(path: string, plan: OpenedPlan, notes: string[]): RuleProfile | undefined {
  const id = plan.profileId;
  if (id === undefined) return undefined;
  const saved = plan.project?.profile.custom.find(
    (p): p is RuleProfile => typeof p === 'object' && p !== null && (p as RuleProfile).id === id,
  );
  const profile = saved ?? builtInProfile(id);
  if (profile) return profile;
  if (plan.project)
    throw new InputError(`${path}: the project's profile "${id}" is neither built in nor saved in the project`);
  notes.push(
    `${basename(path)} was analysed with the profile "${id}", which is not built in; using ${DEFAULT_PROFILE_ID} (give --profile to choose)`,
  );
  return undefined;
}

export async function runAnalyze(options: Map<string, string>): Promise<AnalyzeSummary> {
  const planPath = options.get('plan');
  const communitiesPath = options.get('communities');
  const out = options.get('out');
  const projectOut = options.get('project');
  const tableOut = options.get('table');
  const reportOut = options.get('report');
  const notes: string[] = [];
  if (planPath && (communitiesPath || options.has('grids') || options.has('facilities')))
    throw new UsageError('--plan replaces --communities, --grids and --facilities; give one or the other');
  if (!planPath && !communitiesPath) throw new UsageError('--communities FILE is required (or --plan FILE)');
  if (!planPath && !options.has('households')) throw new UsageError('--households FILE is required');
  if (!out && !projectOut && !tableOut && !reportOut)
    throw new UsageError('--out FILE is required (or --project FILE.shequ / --table FILE / --report FILE.html)');
  const crs = crsOption(options, 'crs', undefined);
  const language = options.get('language') ?? 'zh';
  if (!isLanguage(language)) throw new UsageError(`--language must be zh or en, not "${language}"`);
  const profileOption = options.get('profile');
  const chosenProfile = profileOption ? await loadProfile(profileOption, language) : null;
  // Output names are checked before any input is read, so a typo costs no analysis.
  const format = out ? outFormat(out) : null;
  if (projectOut && extensionOf(projectOut) !== PROJECT_EXTENSION)
    throw new UsageError(`--project must end in ${PROJECT_EXTENSION}, not "${basename(projectOut)}"`);
  const tableExt = tableOut ? extensionOf(tableOut) : null;
  if (tableOut && tableExt !== '.csv' && tableExt !== '.xlsx')
    throw new UsageError(`--table must end in .csv or .xlsx, not "${basename(tableOut)}"`);
  if (reportOut && extensionOf(reportOut) !== '.html' && extensionOf(reportOut) !== '.htm')
    throw new UsageError(`--report must end in .html, not "${basename(reportOut)}"`);

  const plan = planPath ? await openPlan(planPath, language) : null;
  const project = plan?.project ?? null;
  const profile =
    chosenProfile ??
    (plan && planPath ? planProfile(planPath, plan, notes) : undefined) ??
    builtInProfile(DEFAULT_PROFILE_ID)!;

  let communities: AreaUnit[] = [];
  let grids: AreaUnit[] = [];
  let facilities: Facility[] = [];
  const gridsPath = options.get('grids');
  const facilitiesPath = options.get('facilities');
  if (plan) {
    ({ communities, grids, facilities } = plan);
  } else {
    const communitiesLayer = await load(
      communitiesPath!,
      {
        role: 'communities',
        crs: crsOption(options, 'communities-crs', crs),
        ...layerOptions(options, 'communities'),
      },
      language,
    );
    if (communitiesLayer.role === 'communities') communities = communitiesLayer.units;
  }

  const householdsPath = options.get('households');
  let households: HouseholdSet;
  if (householdsPath) {
    const householdsLayer = await load(
      householdsPath,
      {
        role: 'households',
        crs: crsOption(options, 'households-crs', crs),
        householdsField: options.get('households-field') ?? null,
        ...layerOptions(options, 'households'),
      },
      language,
    );
    if (householdsLayer.role !== 'households') throw new InputError(`${householdsPath}: not a household point layer`);
    households = householdsLayer.households;
  } else if (project) households = project.layers.households;
  else throw new UsageError('--households FILE is required (only a project file brings its own)');

  if (!plan) {
    const gridsLayer = gridsPath
      ? await load(
          gridsPath,
          { role: 'grids', crs: crsOption(options, 'grids-crs', crs), ...layerOptions(options, 'grids') },
          language,
        )
      : null;
    grids = gridsLayer && gridsLayer.role === 'grids' ? gridsLayer.units.map((g) => ({ ...g, kind: 'grid' })) : [];
    const facilitiesLayer = facilitiesPath
      ? await load(
          facilitiesPath,
          {
            role: 'facilities',
            crs: crsOption(options, 'facilities-crs', crs),
            categoryField: options.get('category-field') ?? 'category',
            ruleCategories: profileCategories(profile),
            ...layerOptions(options, 'facilities'),
          },
          language,
        )
      : null;
    if (facilitiesLayer && facilitiesLayer.role === 'facilities') facilities = facilitiesLayer.facilities;
  }

  // A project's saved distances apply unless --distances is given.
  const savedDistances = project?.settings['distances'];
  const usableSaved =
    Array.isArray(savedDistances) &&
    savedDistances.length > 0 &&
    savedDistances.every((d) => typeof d === 'number' && Number.isFinite(d) && d > 0);
  const distancesText = options.get('distances') ?? (usableSaved ? savedDistances.join(',') : undefined);
  const distances = parseDistances(distancesText, profile);
  const roadsPath = options.get('roads');
  const hasFacilities = facilitiesPath !== undefined || facilities.length > 0;
  if (roadsPath && !hasFacilities)
    throw new UsageError('--roads needs --facilities: coverage is measured to facilities');
  const roadsLayer = roadsPath
    ? await load(
        roadsPath,
        { role: 'roads', crs: crsOption(options, 'roads-crs', crs), ...layerOptions(options, 'roads') },
        language,
      )
    : null;
  const roads =
    roadsLayer && roadsLayer.role === 'roads' ? roadsLayer.roads : roadsPath ? null : (project?.layers.roads ?? null);

  // --distances replaces the profile's living-circle distances for this run.
  const runProfile: RuleProfile =
    distancesText !== undefined
      ? {
          ...profile,
          livingCircle: {
            ...profile.livingCircle,
            tiers: distances.map((d, i) => ({
              minutes: profile.livingCircle.tiers[i]?.minutes ?? Math.round(d / profile.livingCircle.walkingSpeed),
              distance: d,
            })),
          },
        }
      : profile;
  const analyzer = new PlanAnalyzer(households);
  analyzer.setCommunities(communities.map((c) => ({ ...c, kind: 'community' })));
  analyzer.setGrids(grids);
  if (hasFacilities) {
    analyzer.setFacilities(facilities);
    analyzer.setRoads(roads);
  }
  const analysis = analyzer.analyze(runProfile);

  const coverage = analysis.coverage ?? null;
  const { extraProperties, metadata: coverageMetadata } = coverageExport(coverage ?? undefined, communities);
  if (coverage?.network) {
    coverageMetadata.network = coverage.network;
    coverageMetadata.householdsOffNetwork = coverage.householdsOffNetwork ?? 0;
  }
  const title = plan?.title;
  const savedAt = new Date().toISOString();
  const written: string[] = [];
  if (out) {
    const exported = buildPlanExport({
      communities,
      grids,
      ...(facilities.length ? { facilities } : {}),
      analysis,
      profile: runProfile,
      extraProperties,
      metadata: {
        ...coverageMetadata,
        ...(title !== undefined ? { title } : {}),
        inputs: {
          ...(planPath ? { plan: basename(planPath) } : { communities: basename(communitiesPath!) }),
          households: householdsPath ? basename(householdsPath) : null,
          grids: gridsPath ? basename(gridsPath) : null,
          householdsField: options.get('households-field') ?? null,
          facilities: facilitiesPath ? basename(facilitiesPath) : null,
          roads: roadsPath ? basename(roadsPath) : null,
        },
      },
    });
    await writeOutput(out, format === 'flatgeobuf' ? await writePlanFlatGeobuf(exported) : writeGeoJson(exported));
    written.push(out);
  }
  if (projectOut) {
    const builtIn = builtInProfile(profile.id) === profile;
    const data: ProjectData = {
      title: title ?? basename(planPath ?? communitiesPath!).replace(/\.[^.]*$/, ''),
      layers: { communities, grids, households, facilities, roads, blocks: project?.layers.blocks ?? [] },
      profile: { activeId: profile.id, custom: builtIn ? [] : [profile] },
      settings: { ...(project?.settings ?? {}), ...(distancesText !== undefined ? { distances } : {}) },
      meta: { ...(project?.meta ?? {}), savedBy: 'shequ-planner CLI' },
      savedAt,
    };
    await writeOutput(projectOut, writeProjectFile(data));
    written.push(projectOut);
  }
  if (tableOut) {
    const tables = buildPlanTables({ communities, grids, facilities, analysis, profile: runProfile, language });
    const sheet = tables.sheets.find((t) => t.id === 'communities')!;
    await writeOutput(tableOut, tableExt === '.csv' ? writeTableCsv(sheet) : await writeTableXlsx(tables));
    written.push(tableOut);
  }
  if (reportOut) {
    const html = buildPlanReport({
      communities,
      grids,
      facilities,
      analysis,
      profile: runProfile,
      language,
      title: title ?? basename(planPath ?? communitiesPath!).replace(/\.[^.]*$/, ''),
      date: savedAt,
    });
    await writeOutput(reportOut, new TextEncoder().encode(html));
    written.push(reportOut);
  }
  return {
    communities: communities.length,
    grids: grids.length,
    totalHouseholds: analysis.totalHouseholds,
    unassignedHouseholds: analysis.unassignedHouseholds,
    coverageMode: coverage?.mode ?? null,
    written,
    notes,
  };
}
