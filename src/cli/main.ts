// The command-line entry point: `npm run cli -- analyze …`. Prints every problem, one line each, and
// exits non-zero for unusable input; exits 0 whenever the analysis ran, whatever it flagged.
import { parseArgs, UsageError } from './args';
import { ANALYZE_OPTIONS, InputError, runAnalyze } from './analyze-command';
import { COMPARE_OPTIONS, runCompare } from './compare-command';
import { withLanguage } from './print-problems';

const USAGE = `usage: npm run cli -- analyze --communities FILE --households FILE [--grids FILE]
    [--households-field NAME] [--crs wgs84|gcj02|bd09] [--households-crs …] [--communities-crs …]
    [--grids-crs …] [--profile ID|FILE] [--facilities FILE [--category-field NAME] [--facilities-crs …]]
    [--roads FILE(.geojson|.fgb|.osm|.osm.pbf) [--roads-crs …]] [--distances 300,500,1000]
    --out OUT.geojson|OUT.fgb [--project OUT.shequ] [--table OUT.csv|OUT.xlsx] [--report OUT.html]
    [--lang zh|en]
  or: npm run cli -- analyze --plan PLAN.geojson|PLAN.fgb|PROJECT.shequ [--households FILE] … --out …
    (--plan replaces --communities/--grids/--facilities; a project also brings households, roads, profile)
  or: npm run cli -- compare --before PLAN --after PLAN --households FILE [--households-field NAME]
    [--crs …] [--households-crs …] [--before-crs …] [--after-crs …] [--profile ID|FILE]
    --out DIFF.json|DIFF.csv [--moves MOVES.csv] [--report REPORT.html] [--lang zh|en]
    [--before-scenario NAME] [--after-scenario NAME]
    (PLAN is an exported plan, a project file or a file of communities; a scenario of a project
     is picked by its name or id, else the one active when it was saved; PLAN may be one file)
  inputs: GeoJSON, FlatGeobuf, CSV, a Shapefile (.zip, or .shp with its .dbf/.prj/.cpg beside it),
    GeoPackage (.gpkg), Excel (.xlsx), KML/KMZ, GPX, OSM (roads)
  --crs and --<layer>-crs: wgs84, gcj02, bd09, EPSG:NNNN or a proj string ("+proj=tmerc … +towgs84=…");
    without one, a .prj / GeoPackage SRS / GeoJSON crs is honoured
  --<layer>-id-field NAME (default a unique id, ID, 编号, 社区编号 or code), --<layer>-table NAME
    (GeoPackage table), --<layer>-sheet NAME (Excel sheet), for communities, households, grids, facilities, roads
  Problems and warnings are listed in --lang (or --language), by default the system locale's:
  Chinese where LC_ALL / LC_MESSAGES / LANG is zh_*, else English.`;

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(USAGE + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  try {
    // Options of either command may come before it; the command decides which it accepts.
    const { command } = parseArgs(argv, new Set([...ANALYZE_OPTIONS, ...COMPARE_OPTIONS]));
    if (command === 'compare') {
      const args = parseArgs(argv, COMPARE_OPTIONS);
      if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
      const s = await runCompare(args.options);
      process.stdout.write(
        `compared ${s.communities} communities: ${s.changed} changed, ${s.movedHouseholds} households in ` +
          `${s.moves} moves, ${s.flagsResolved} flags resolved, ${s.flagsIntroduced} introduced → ${s.written.join(', ')}\n`,
      );
      return 0;
    }
    const args = parseArgs(argv, ANALYZE_OPTIONS);
    if (args.command !== 'analyze')
      throw new UsageError(`unknown command "${args.command ?? ''}" (expected "analyze" or "compare")`);
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const s = await runAnalyze(args.options);
    for (const note of s.notes) process.stderr.write(`note: ${note}\n`);
    process.stdout.write(
      `analyzed ${s.communities} communities and ${s.grids} grids: ${s.totalHouseholds} households, ` +
        `${s.unassignedHouseholds} in no community` +
        (s.coverageMode
          ? `; coverage by ${s.coverageMode === 'network' ? 'walking network' : 'straight-line distance'}`
          : '') +
        ` → ${s.written.join(', ')}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    // Anything else is a bug of ours; still one line, never a stack trace.
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}

void main(withLanguage(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
