// `compare`: two scenarios of one plan over the same households — each an exported plan, a project
// file or a plain communities file — compared by the same engine the app uses: households before
// and after per community, every move between communities, flags resolved and introduced, and the
// summaries. Writes the difference as JSON (for other systems) or CSV (for a spreadsheet).
import { basename } from 'node:path';
import { comparePlans } from '../analysis/plan-compare';
import { isLanguage, msg, t, type Language } from '../core/i18n';
import type { AreaUnit, Facility, HouseholdSet, Message } from '../core/model';
import { buildComparisonReport } from '../core/report/plan-report';
import type { ProjectData } from '../io/project-file';
import { comparisonJson, comparisonSheets } from '../core/plan-comparison';
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { looksLikePlanExport } from '../io/plan-file';
import { writeTableCsv } from '../io/table-csv';
import { UsageError } from './args';
import {
  crsOption,
  extensionOf,
  InputError,
  load,
  loadProfile,
  openPlan,
  readInput,
  writeOutput,
} from './analyze-command';

export const COMPARE_OPTIONS = new Set([
  'before',
  'after',
  'households',
  'households-field',
  'households-crs',
  'crs',
  'before-crs',
  'after-crs',
  'profile',
  'out',
  'moves',
  'language',
  'before-scenario',
  'after-scenario',
  'report',
]);

export interface CompareSummary {
  communities: number;
  changed: number;
  moves: number;
  movedHouseholds: number;
  flagsResolved: number;
  flagsIntroduced: number;
  written: string[];
}

interface Side {
  /** The scenario's name, or the file's, for the report. */
  name: string;
  communities: AreaUnit[];
  grids: AreaUnit[];
  facilities: Facility[];
  /** A project brings its households and its street blocks. */
  households?: HouseholdSet;
  blocks?: AreaUnit[];
}

const PRESENT = msg('scenario.present');

/**
 * The scenario of a project picked by name (in either language) or id; without a name, the one
 * active when it was saved. A project from before scenarios is one scenario, 现状.
 */
function projectScenario(path: string, project: ProjectData, wanted: string | undefined, language: Language) {
  const list = project.scenarios?.list ?? [{ id: 'present', name: PRESENT }];
  const active = project.scenarios?.active ?? 0;
  const nameOf = (name: string | Message) => (typeof name === 'string' ? name : name[language]);
  const index =
    wanted === undefined
      ? active
      : list.findIndex(
          (s) =>
            s.id === wanted ||
            (typeof s.name === 'string' ? s.name === wanted : s.name.zh === wanted || s.name.en === wanted),
        );
  const scenario = list[index];
  if (!scenario)
    throw new InputError(
      `${path}: no scenario "${wanted}" (the project has ${list.map((s) => `"${nameOf(s.name)}"`).join(', ')})`,
    );
  const own = scenario.own ?? (index === active ? null : undefined);
  const layers = own ?? project.layers;
  return {
    name: nameOf(scenario.name),
    communities: layers.communities,
    grids: layers.grids,
    facilities: layers.facilities,
    households: project.layers.households,
    blocks: project.layers.blocks,
  };
}

/** An exported plan or project when it carries the plan mark; otherwise a file of communities. */
async function readSide(
  path: string,
  options: Map<string, string>,
  side: 'before' | 'after',
  language: Language,
): Promise<Side> {
  const crsName = `${side}-crs`;
  const scenario = options.get(`${side}-scenario`);
  const bytes = await readInput(path);
  if (looksLikePlanExport(bytes, basename(path))) {
    const plan = await openPlan(path, language);
    if (plan.project) return projectScenario(path, plan.project, scenario, language);
    if (scenario !== undefined)
      throw new UsageError(`--${side}-scenario needs a project file (.shequ); ${basename(path)} is an exported plan`);
    return {
      name: plan.title || basename(path),
      communities: plan.communities,
      grids: plan.grids,
      facilities: plan.facilities,
    };
  }
  if (scenario !== undefined)
    throw new UsageError(`--${side}-scenario needs a project file (.shequ); ${basename(path)} is not one`);
  const layer = await load(
    path,
    { role: 'communities', crs: crsOption(options, crsName, crsOption(options, 'crs', undefined)) },
    language,
  );
  if (layer.role !== 'communities') throw new InputError(`${path}: not a layer of communities`);
  return { name: basename(path), communities: layer.units, grids: [], facilities: [] };
}

export async function runCompare(options: Map<string, string>): Promise<CompareSummary> {
  const beforePath = options.get('before');
  const afterPath = options.get('after');
  const out = options.get('out');
  if (!beforePath || !afterPath) throw new UsageError('--before PLAN and --after PLAN are both required');
  if (!out) throw new UsageError('--out DIFF.json or DIFF.csv is required');
  const format = extensionOf(out);
  if (format !== '.json' && format !== '.csv')
    throw new UsageError(`--out must end in .json or .csv, not "${basename(out)}"`);
  const movesOut = options.get('moves');
  if (movesOut && extensionOf(movesOut) !== '.csv')
    throw new UsageError(`--moves must end in .csv, not "${basename(movesOut)}"`);
  const language = options.get('language') ?? 'zh';
  if (!isLanguage(language)) throw new UsageError(`--language must be zh or en, not "${language}"`);
  const profileOption = options.get('profile');
  const profile = profileOption ? await loadProfile(profileOption, language) : builtInProfile(DEFAULT_PROFILE_ID)!;

  const reportOut = options.get('report');
  if (reportOut && extensionOf(reportOut) !== '.html')
    throw new UsageError(`--report must end in .html, not "${basename(reportOut)}"`);
  const before = await readSide(beforePath, options, 'before', language);
  const after = await readSide(afterPath, options, 'after', language);
  const householdsPath = options.get('households');
  let households: HouseholdSet;
  if (householdsPath) {
    const layer = await load(
      householdsPath,
      {
        role: 'households',
        crs: crsOption(options, 'households-crs', crsOption(options, 'crs', undefined)),
        householdsField: options.get('households-field') ?? null,
      },
      language,
    );
    if (layer.role !== 'households') throw new InputError(`${householdsPath}: not a household point layer`);
    households = layer.households;
  } else if (before.households) households = before.households;
  else if (after.households) households = after.households;
  else throw new UsageError('--households FILE is required (only a project file brings its own)');

  // The blocks a move's points lie in come from a project on either side.
  const blocks = before.blocks?.length ? before.blocks : after.blocks;
  const comparison = comparePlans({ households, before, after, profile, blocks });
  const written: string[] = [];
  const sheets = comparisonSheets(comparison, language);
  if (format === '.json')
    await writeOutput(out, new TextEncoder().encode(JSON.stringify(comparisonJson(comparison), null, 1) + '\n'));
  else await writeOutput(out, writeTableCsv(sheets.communities));
  written.push(out);
  if (movesOut) {
    await writeOutput(movesOut, writeTableCsv(sheets.moves));
    written.push(movesOut);
  }
  if (reportOut) {
    const html = buildComparisonReport({
      title: t(language, 'report.compare.heading', { before: before.name, after: after.name }),
      date: new Date().toISOString(),
      profile,
      language,
      before,
      after,
      comparison,
    });
    await writeOutput(reportOut, new TextEncoder().encode(html));
    written.push(reportOut);
  }
  return {
    communities: comparison.communities.length,
    changed: comparison.communities.filter((r) => r.status !== 'unchanged').length,
    moves: comparison.moves.length,
    movedHouseholds: comparison.movedHouseholds,
    flagsResolved: comparison.flagsResolved.length,
    flagsIntroduced: comparison.flagsIntroduced.length,
    written,
  };
}
