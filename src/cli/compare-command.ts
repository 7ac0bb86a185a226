// `compare`: two scenarios of one plan over the same households — each an exported plan, a project
// file or a plain communities file — compared by the same engine the app uses: households before
// and after per community, every move between communities, flags resolved and introduced, and the
// summaries. Writes the difference as JSON (for other systems) or CSV (for a spreadsheet).
import { basename } from 'node:path';
import { comparePlans } from '../analysis/plan-compare';
import { isLanguage, type Language } from '../core/i18n';
import type { AreaUnit, Facility, HouseholdSet } from '../core/model';
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
  communities: AreaUnit[];
  grids: AreaUnit[];
  facilities: Facility[];
  /** A project brings its households. */
  households?: HouseholdSet;
}

/** An exported plan or project when it carries the plan mark; otherwise a file of communities. */
async function readSide(
  path: string,
  options: Map<string, string>,
  crsName: string,
  language: Language,
): Promise<Side> {
  const bytes = await readInput(path);
  if (looksLikePlanExport(bytes, basename(path))) {
    const plan = await openPlan(path, language);
    return {
      communities: plan.communities,
      grids: plan.grids,
      facilities: plan.facilities,
      ...(plan.project ? { households: plan.project.layers.households } : {}),
    };
  }
  const layer = await load(
    path,
    { role: 'communities', crs: crsOption(options, crsName, crsOption(options, 'crs', undefined)) },
    language,
  );
  if (layer.role !== 'communities') throw new InputError(`${path}: not a layer of communities`);
  return { communities: layer.units, grids: [], facilities: [] };
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
  const profile = profileOption ? await loadProfile(profileOption) : builtInProfile(DEFAULT_PROFILE_ID)!;

  const before = await readSide(beforePath, options, 'before-crs', language);
  const after = await readSide(afterPath, options, 'after-crs', language);
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

  const comparison = comparePlans({ households, before, after, profile });
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
