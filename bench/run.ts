// `npm run bench [-- --json] [-- --households N]`: the four performance figures, each against a
// straightforward implementation run in the same process. With --json, one JSON object per line
// (name, ms, reference_ms, ratio and extras); without it, a table.
import { benchRecount, type BenchResult } from './recount';
import { benchCoverage } from './coverage';
import { benchLoad } from './load';

const args = process.argv.slice(2);
const json = args.includes('--json');
const householdsArg = args.indexOf('--households');
const households = householdsArg >= 0 ? Number(args[householdsArg + 1]) : 1_000_000;
const only = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1]!.split(',') : null;
const targets: Record<string, number> = { 'recount-full': 100, 'recount-incremental': 2000 };

function print(r: BenchResult) {
  if (json) {
    console.log(JSON.stringify(r));
    return;
  }
  const target = targets[r.name];
  const verdict = target ? (r.ratio >= target ? `target ≥ ${target}: met` : `target ≥ ${target}: NOT met`) : '';
  const extra = Object.entries(r)
    .filter(([k]) => !['name', 'ms', 'reference_ms', 'ratio'].includes(k))
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : String(v)}`)
    .join(' ');
  console.log(
    `${r.name.padEnd(20)} ${r.ms.toFixed(2).padStart(10)} ms   reference ${r.reference_ms.toFixed(0).padStart(8)} ms   ratio ${r.ratio.toFixed(1).padStart(8)}   ${verdict}  ${extra}`,
  );
}

const want = (name: string) => !only || only.includes(name);
if (want('recount-full') || want('recount-incremental'))
  for (const r of benchRecount(households)) if (want(r.name)) print(r);
if (want('coverage')) print(benchCoverage() as unknown as BenchResult);
if (want('load')) print(await benchLoad(households));
