// Benchmark of the living-circle coverage hot path: distances from 200 facilities to every node of
// a ~200,000-node street network. Times the multi-source search (one pass over typed arrays) against
// the obvious implementation — a plain Dijkstra per facility over object adjacency lists with a
// heap of objects, then the minimum across facilities — on the same seeded network, and checks that
// both give the same distances. Run directly: `npx tsx bench/coverage.ts` prints one JSON line.
import { pathToFileURL } from 'node:url';
import type { Feature, LineString } from 'geojson';
import { buildWalkingNetwork, type WalkingNetwork } from '../src/analysis/routing/walking-network';
import { snapPoints, type Snapped } from '../src/analysis/routing/snap';
import { multiSourceSearch } from '../src/analysis/routing/dijkstra';
import { seededRandom } from '../src/core/seeded-random';

export interface CoverageBenchResult {
  name: 'coverage';
  /** Multi-source search to every node, median of the timed runs (ms). */
  ms: number;
  /** Reference: one plain Dijkstra per facility plus the minimum across them (ms; scaled up when reference_extrapolated). */
  reference_ms: number;
  /** reference_ms / ms: how many times faster the multi-source search is. */
  ratio: number;
  /** The same two figures in process CPU time, steadier than wall time on a busy machine. */
  cpu_ms: number;
  reference_cpu_ms: number;
  /** True when the reference ran on a sample of facilities and was scaled up to all of them. */
  reference_extrapolated: boolean;
  reference_facilities_run: number;
  /** Largest difference between the two results over all nodes (m); only when the reference ran fully. */
  max_abs_diff: number | null;
  /** Full reference: max_abs_diff < 1e-6 m. Partial: the multi-source distance is ≤ the partial minimum everywhere. */
  check_passed: boolean;
  nodes: number;
  edges: number;
  facilities: number;
  build_ms: number;
  /** The same network with every vertex kept as a node (no degree-2 collapsing). */
  uncollapsed_nodes: number;
  uncollapsed_ms: number;
}

/**
 * A perturbed lattice of streets (~80 m blocks near 31° N): each row and column is a line, broken
 * where an edge is removed (10 %); about a third of the edges get a bend vertex between crossings.
 */
export function syntheticStreets(
  size: number,
  seed = 1,
): { lines: Feature<LineString>[]; bbox: [number, number, number, number] } {
  const rand = seededRandom(seed);
  const step = 0.0008;
  const lon0 = 121;
  const lat0 = 31;
  const jx = new Float64Array(size * size);
  const jy = new Float64Array(size * size);
  for (let k = 0; k < size * size; k++) {
    jx[k] = (rand() - 0.5) * step * 0.3;
    jy[k] = (rand() - 0.5) * step * 0.3;
  }
  const at = (i: number, j: number) => [lon0 + i * step + jx[j * size + i]!, lat0 + j * step + jy[j * size + i]!];
  const lines: Feature<LineString>[] = [];
  const emit = (coords: number[][]) => {
    if (coords.length >= 2)
      lines.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
  };
  for (const horizontal of [true, false])
    for (let a = 0; a < size; a++) {
      let coords: number[][] = [];
      for (let b = 0; b < size - 1; b++) {
        const p = horizontal ? at(b, a) : at(a, b);
        const q = horizontal ? at(b + 1, a) : at(a, b + 1);
        if (coords.length === 0) coords.push(p);
        if (rand() < 0.1) {
          emit(coords);
          coords = [];
          continue;
        }
        if (rand() < 0.33)
          coords.push([
            (p[0]! + q[0]!) / 2 + (rand() - 0.5) * step * 0.2,
            (p[1]! + q[1]!) / 2 + (rand() - 0.5) * step * 0.2,
          ]);
        coords.push(q);
      }
      emit(coords);
    }
  return { lines, bbox: [lon0, lat0, lon0 + (size - 1) * step, lat0 + (size - 1) * step] };
}

/** The obvious implementation: adjacency as arrays of objects, a binary heap of {node, dist} objects with lazy deletion. */
class ObjectHeap {
  items: { node: number; dist: number }[] = [];
  push(item: { node: number; dist: number }) {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.dist <= a[i]!.dist) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): { node: number; dist: number } {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.dist < a[m]!.dist) m = l;
        if (r < a.length && a[r]!.dist < a[m]!.dist) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Plain Dijkstra from each facility in turn, keeping the minimum per node. Stops after the time
 * budget (checked between facilities) and says how many facilities it ran.
 */
function referenceDistances(
  adjacency: { to: number; w: number }[][],
  facilities: Snapped,
  which: number[],
  budgetMs: number,
): { best: number[]; ran: number; ms: number; cpuMs: number } {
  const n = adjacency.length;
  const best: number[] = new Array<number>(n).fill(Infinity);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let ran = 0;
  for (const f of which) {
    if (ran > 0 && performance.now() - start > budgetMs) break;
    const dist: number[] = new Array<number>(n).fill(Infinity);
    const heap = new ObjectHeap();
    const seed = (node: number, d: number) => {
      if (d < dist[node]!) {
        dist[node] = d;
        heap.push({ node, dist: d });
      }
    };
    seed(facilities.u[f]!, facilities.access[f]! + facilities.toU[f]!);
    seed(facilities.v[f]!, facilities.access[f]! + facilities.toV[f]!);
    while (heap.items.length > 0) {
      const { node, dist: d } = heap.pop();
      if (d > dist[node]!) continue; // stale entry
      for (const { to, w } of adjacency[node]!) {
        const nd = d + w;
        if (nd < dist[to]!) {
          dist[to] = nd;
          heap.push({ node: to, dist: nd });
        }
      }
    }
    for (let v = 0; v < n; v++) if (dist[v]! < best[v]!) best[v] = dist[v]!;
    ran++;
  }
  return { best, ran, ms: performance.now() - start, cpuMs: cpuMs(cpuStart) };
}

function objectAdjacency(network: WalkingNetwork): { to: number; w: number }[][] {
  const adjacency: { to: number; w: number }[][] = Array.from({ length: network.nodeCount }, () => []);
  for (let e = 0; e < network.edgeCount; e++) {
    const u = network.edgeFrom[e]!;
    const v = network.edgeTo[e]!;
    adjacency[u]!.push({ to: v, w: network.edgeLength[e]! });
    adjacency[v]!.push({ to: u, w: network.edgeLength[e]! });
  }
  return adjacency;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export interface CoverageBenchOptions {
  /** Lattice side (default 453 → about 200,000 nodes after removals). */
  size?: number;
  facilities?: number;
  /**
   * Time budget for the reference (default 60 s). When all facilities do not fit, the reference
   * stops there and its time is scaled up to all facilities — labelled as extrapolated.
   */
  referenceBudgetMs?: number;
  runs?: number;
}

export function benchCoverage(options: CoverageBenchOptions = {}): CoverageBenchResult {
  const size = options.size ?? 453;
  const facilityCount = options.facilities ?? 200;
  const runs = options.runs ?? 7;
  const streets = syntheticStreets(size);

  let t0 = performance.now();
  const network = buildWalkingNetwork(streets.lines);
  const buildMs = performance.now() - t0;

  const rand = seededRandom(2);
  const coords = new Float64Array(facilityCount * 2);
  const [minLon, minLat, maxLon, maxLat] = streets.bbox;
  for (let i = 0; i < facilityCount; i++) {
    coords[2 * i] = minLon + rand() * (maxLon - minLon);
    coords[2 * i + 1] = minLat + rand() * (maxLat - minLat);
  }
  const facilities = snapPoints(network, coords);

  const times: number[] = [];
  const cpuTimes: number[] = [];
  let multi = multiSourceSearch(network, facilities); // warm-up
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    multi = multiSourceSearch(network, facilities);
    times.push(performance.now() - t0);
    cpuTimes.push(cpuMs(cpu0));
  }
  const ms = median(times);

  const full = buildWalkingNetwork(streets.lines, { collapseChains: false });
  const fullFacilities = snapPoints(full, coords);
  multiSourceSearch(full, fullFacilities);
  const fullTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    multiSourceSearch(full, fullFacilities);
    fullTimes.push(performance.now() - t0);
  }

  // The reference: adjacency built outside the timing, as a straightforward app would hold it.
  const adjacency = objectAdjacency(network);
  const reachable: number[] = [];
  for (let f = 0; f < facilities.count; f++) if (facilities.edge[f]! >= 0) reachable.push(f);
  const reference = referenceDistances(adjacency, facilities, reachable, options.referenceBudgetMs ?? 60_000);
  const extrapolated = reference.ran < reachable.length;
  const scale = extrapolated ? reachable.length / reference.ran : 1;
  const referenceMs = reference.ms * scale;
  // Full reference: the two results must agree at every node. Partial: the multi-source distance
  // (over all facilities) can only be at most the partial minimum.
  let maxAbsDiff: number | null = null;
  let checkPassed = true;
  if (!extrapolated) maxAbsDiff = 0;
  for (let v = 0; v < network.nodeCount; v++) {
    const a = multi.distance[v]!;
    const b = reference.best[v]!;
    if (maxAbsDiff !== null) {
      const diff = a === b ? 0 : Math.abs(a - b);
      if (diff > maxAbsDiff) maxAbsDiff = diff;
    } else if (a > b + 1e-6) checkPassed = false;
  }
  if (maxAbsDiff !== null) checkPassed = maxAbsDiff < 1e-6;

  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name: 'coverage',
    ms: round(ms),
    reference_ms: round(referenceMs),
    ratio: round(referenceMs / ms),
    cpu_ms: round(median(cpuTimes)),
    reference_cpu_ms: round(reference.cpuMs * scale),
    reference_extrapolated: extrapolated,
    reference_facilities_run: reference.ran,
    max_abs_diff: maxAbsDiff,
    check_passed: checkPassed,
    nodes: network.nodeCount,
    edges: network.edgeCount,
    facilities: reachable.length,
    build_ms: round(buildMs),
    uncollapsed_nodes: full.nodeCount,
    uncollapsed_ms: round(median(fullTimes)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(benchCoverage()));
}
