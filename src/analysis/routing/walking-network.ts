// Builds the walking network from road lines: a compact, undirected graph in typed arrays (CSR
// adjacency) that the snapping, search and coverage modules share, and that can be handed to or
// built inside a Web Worker. Walking ignores oneway tags, so every edge is usable both ways.
//
// Topology follows the OSM convention: two lines are connected only where they share a vertex
// (equal after rounding to 1e-7°, about a centimetre); lines that cross without one (bridges,
// tunnels) stay apart. Nodes sit at line ends and shared vertices; the vertices between them are
// kept as edge geometry (degree-2 chains are collapsed): on the bench lattice, where a third of the
// blocks have a bend, 326,000 vertices become 202,000 nodes and the multi-source search runs about
// twice as fast (bench/coverage.ts reports both). Nodes are numbered along a Hilbert curve so that
// neighbours sit close in memory.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { haversine } from '../../core/geodesy';

/** The part of a network the shortest-path search needs: CSR adjacency with non-negative weights. */
export interface RoutingGraph {
  nodeCount: number;
  /** Arcs of node n are offsets[n] … offsets[n + 1] - 1; length nodeCount + 1. */
  offsets: Int32Array;
  /** Arc → node it leads to. */
  targets: Int32Array;
  /** Arc → length in metres. */
  weights: Float64Array;
}

export interface NetworkComponents {
  count: number;
  /** Component id per node. */
  id: Int32Array;
  /** Node count per component. */
  sizes: Int32Array;
  /** Id of the component with the most nodes; -1 for an empty network. */
  largest: number;
}

export interface WalkingNetwork extends RoutingGraph {
  edgeCount: number;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** Arc → undirected edge it runs along (tells parallel edges apart when a path is rebuilt). */
  arcEdge: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Edge length in metres (haversine summed over its geometry). */
  edgeLength: Float64Array;
  /** Edge → index of the input feature it came from. */
  edgeLine: Int32Array;
  /** Geometry of edge e is vertices geometryOffsets[e] … geometryOffsets[e + 1] - 1, from edgeFrom to edgeTo. */
  geometryOffsets: Int32Array;
  geometryLon: Float64Array;
  geometryLat: Float64Array;
  /** Distance in metres from the edge start to each geometry vertex. */
  geometryAlong: Float64Array;
  components: NetworkComponents;
  /** [minLon, minLat, maxLon, maxLat] over the nodes; NaN for an empty network. */
  bbox: [number, number, number, number];
  /** Input features that held no usable line (other geometry types, fewer than two valid vertices). */
  skippedFeatures: number;
}

export interface WalkingNetworkOptions {
  /**
   * true (default): nodes only at line ends and shared vertices. false: every vertex is a node,
   * kept for measuring the difference; results are the same, the search is slower.
   */
  collapseChains?: boolean;
}

const COORD_SCALE = 1e7;

/** A line vertex is usable when it is a finite WGS84 position (its rounded key must fit in an Int32). */
function validVertex(p: Position | undefined): p is Position {
  if (!p) return false;
  const lon = p[0];
  const lat = p[1];
  return typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

function lineParts(geometry: Geometry | null | undefined): Position[][] | null {
  if (!geometry) return null;
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return null;
}

/**
 * Open-addressing hash from rounded coordinates to a vertex id. A Map keyed by strings costs
 * several times more on a million vertices, and this runs in the worker on every road import.
 */
class VertexTable {
  private readonly mask: number;
  private readonly keyX: Int32Array;
  private readonly keyY: Int32Array;
  private readonly slotId: Int32Array;
  size = 0;

  constructor(capacityHint: number) {
    let cap = 16;
    while (cap < capacityHint * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keyX = new Int32Array(cap);
    this.keyY = new Int32Array(cap);
    this.slotId = new Int32Array(cap).fill(-1);
  }

  /** Id of (qx, qy), adding it when new. */
  idOf(qx: number, qy: number): number {
    let slot = (Math.imul(qx, 0x9e3779b1) ^ Math.imul(qy ^ (qy >>> 15), 0x85ebca77)) & this.mask;
    for (;;) {
      const id = this.slotId[slot]!;
      if (id < 0) {
        this.keyX[slot] = qx;
        this.keyY[slot] = qy;
        this.slotId[slot] = this.size;
        return this.size++;
      }
      if (this.keyX[slot] === qx && this.keyY[slot] === qy) return id;
      slot = (slot + 1) & this.mask;
    }
  }
}

export function buildWalkingNetwork(
  input: readonly Feature[] | FeatureCollection,
  options: WalkingNetworkOptions = {},
): WalkingNetwork {
  const features: readonly Feature[] = Array.isArray(input) ? input : (input as FeatureCollection).features;
  const collapse = options.collapseChains ?? true;

  // Pass 1: count valid vertices and parts so everything after is preallocated.
  let vertexTotal = 0;
  let partTotal = 0;
  for (const f of features) {
    const parts = lineParts(f?.geometry);
    if (!parts) continue;
    for (const part of parts) {
      let n = 0;
      for (const p of part) if (validVertex(p)) n++;
      if (n >= 2) {
        vertexTotal += n;
        partTotal++;
      }
    }
  }

  // Pass 2: vertex ids, with coordinates merged by rounded key; parts as ranges of vertex ids.
  const table = new VertexTable(vertexTotal);
  const vertexId = new Int32Array(vertexTotal);
  const partStart = new Int32Array(partTotal + 1);
  const partLine = new Int32Array(partTotal);
  const uniqueLon = new Float64Array(vertexTotal);
  const uniqueLat = new Float64Array(vertexTotal);
  let skippedFeatures = 0;
  let vCount = 0;
  let pCount = 0;
  features.forEach((f, line) => {
    const parts = lineParts(f?.geometry);
    let used = false;
    if (parts)
      for (const part of parts) {
        let n = 0;
        for (const p of part) if (validVertex(p)) n++;
        if (n < 2) continue;
        partStart[pCount] = vCount;
        partLine[pCount] = line;
        pCount++;
        for (const p of part) {
          if (!validVertex(p)) continue;
          const lon = p[0]!;
          const lat = p[1]!;
          const before = table.size;
          const id = table.idOf(Math.round(lon * COORD_SCALE), Math.round(lat * COORD_SCALE));
          if (id === before) {
            uniqueLon[id] = lon;
            uniqueLat[id] = lat;
          }
          vertexId[vCount++] = id;
        }
        used = true;
      }
    if (!used) skippedFeatures++;
  });
  partStart[pCount] = vCount;
  const uniqueCount = table.size;

  // Which vertices are nodes: ends of parts, and vertices met more than once (shared by lines, or a
  // line crossing itself). Consecutive repeats of one vertex are one visit, not a crossing.
  const visits = new Int32Array(uniqueCount);
  const isEnd = new Uint8Array(uniqueCount);
  const degenerate = new Uint8Array(pCount);
  for (let p = 0; p < pCount; p++) {
    // A part that is one point after merging (e.g. two vertices a millimetre apart) adds nothing.
    let distinct = false;
    for (let k = partStart[p]! + 1; k < partStart[p + 1]! && !distinct; k++) distinct = vertexId[k] !== vertexId[k - 1];
    if (!distinct) {
      degenerate[p] = 1;
      continue;
    }
    let prev = -1;
    let last = -1;
    for (let k = partStart[p]!; k < partStart[p + 1]!; k++) {
      const id = vertexId[k]!;
      if (id === prev) continue;
      if (prev < 0) isEnd[id] = 1;
      visits[id]!++;
      prev = id;
      last = id;
    }
    isEnd[last] = 1;
  }
  const nodeOf = new Int32Array(uniqueCount).fill(-1);
  let nodeCount = 0;
  for (let id = 0; id < uniqueCount; id++) if (!collapse || isEnd[id] || visits[id]! >= 2) nodeOf[id] = nodeCount++;
  const rank = spatialRank(nodeCount, nodeOf, uniqueLon, uniqueLat);
  for (let id = 0; id < uniqueCount; id++) if (nodeOf[id]! >= 0) nodeOf[id] = rank[nodeOf[id]!]!;
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  for (let id = 0; id < uniqueCount; id++) {
    const n = nodeOf[id]!;
    if (n >= 0) {
      nodeLon[n] = uniqueLon[id]!;
      nodeLat[n] = uniqueLat[id]!;
    }
  }

  // Edges: walk each part, cutting at nodes. Upper bounds: an edge per vertex, and each vertex at
  // most twice in the geometry (as the end of one edge and the start of the next).
  const edgeFromBuf = new Int32Array(vertexTotal);
  const edgeToBuf = new Int32Array(vertexTotal);
  const edgeLengthBuf = new Float64Array(vertexTotal);
  const edgeLineBuf = new Int32Array(vertexTotal);
  const geomOffsetBuf = new Int32Array(vertexTotal + 1);
  const gLon = new Float64Array(vertexTotal * 2);
  const gLat = new Float64Array(vertexTotal * 2);
  const gAlong = new Float64Array(vertexTotal * 2);
  let edgeCount = 0;
  let gCount = 0;
  for (let p = 0; p < pCount; p++) {
    if (degenerate[p]) continue;
    let prev = -1;
    let startNode = -1;
    let gStart = gCount;
    let along = 0;
    for (let k = partStart[p]!; k < partStart[p + 1]!; k++) {
      const id = vertexId[k]!;
      if (id === prev) continue;
      const lon = uniqueLon[id]!;
      const lat = uniqueLat[id]!;
      if (prev >= 0) along += haversine(uniqueLon[prev]!, uniqueLat[prev]!, lon, lat);
      gLon[gCount] = lon;
      gLat[gCount] = lat;
      gAlong[gCount] = along;
      gCount++;
      const node = nodeOf[id]!;
      if (prev >= 0 && node >= 0) {
        if (along > 0) {
          edgeFromBuf[edgeCount] = startNode;
          edgeToBuf[edgeCount] = node;
          edgeLengthBuf[edgeCount] = along;
          edgeLineBuf[edgeCount] = partLine[p]!;
          geomOffsetBuf[edgeCount] = gStart;
          edgeCount++;
        } else {
          gCount = gStart; // zero-length edge (cannot happen after merging, kept as a guard)
        }
        // This node also starts the next edge.
        gStart = gCount;
        gLon[gCount] = lon;
        gLat[gCount] = lat;
        gAlong[gCount] = 0;
        gCount++;
        along = 0;
      }
      if (node >= 0) startNode = node; // the first vertex is a part end, so always a node
      prev = id;
    }
    // A part ends at a node, which opened an edge holding only that vertex: drop it.
    gCount = gStart;
  }
  geomOffsetBuf[edgeCount] = gCount;

  const edgeFrom = edgeFromBuf.slice(0, edgeCount);
  const edgeTo = edgeToBuf.slice(0, edgeCount);
  const edgeLength = edgeLengthBuf.slice(0, edgeCount);

  // CSR adjacency, both directions of every edge.
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    offsets[edgeFrom[e]! + 1]!++;
    offsets[edgeTo[e]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const cursor = offsets.slice(0, nodeCount);
  const arcCount = edgeCount * 2;
  const targets = new Int32Array(arcCount);
  const weights = new Float64Array(arcCount);
  const arcEdge = new Int32Array(arcCount);
  for (let e = 0; e < edgeCount; e++) {
    const u = edgeFrom[e]!;
    const v = edgeTo[e]!;
    const len = edgeLength[e]!;
    let a = cursor[u]!++;
    targets[a] = v;
    weights[a] = len;
    arcEdge[a] = e;
    a = cursor[v]!++;
    targets[a] = u;
    weights[a] = len;
    arcEdge[a] = e;
  }

  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let n = 0; n < nodeCount; n++) {
    const lon = nodeLon[n]!;
    const lat = nodeLat[n]!;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  const bbox: [number, number, number, number] =
    nodeCount > 0 ? [minLon, minLat, maxLon, maxLat] : [NaN, NaN, NaN, NaN];

  return {
    nodeCount,
    edgeCount,
    nodeLon,
    nodeLat,
    offsets,
    targets,
    weights,
    arcEdge,
    edgeFrom,
    edgeTo,
    edgeLength,
    edgeLine: edgeLineBuf.slice(0, edgeCount),
    geometryOffsets: geomOffsetBuf.slice(0, edgeCount + 1),
    geometryLon: gLon.slice(0, gCount),
    geometryLat: gLat.slice(0, gCount),
    geometryAlong: gAlong.slice(0, gCount),
    components: findComponents(nodeCount, offsets, targets),
    bbox,
    skippedFeatures,
  };
}

/**
 * New node numbers in Hilbert-curve order of their positions. Input order (OSM way order) scatters
 * neighbouring nodes across memory; a search that touches them in space order then misses the
 * cache on most steps. On the 200,000-node bench lattice, which starts in row order, this alone
 * saves about a fifth of the multi-source search time.
 */
function spatialRank(
  nodeCount: number,
  nodeOf: Int32Array,
  vertexLon: Float64Array,
  vertexLat: Float64Array,
): Int32Array {
  const lon = new Float64Array(nodeCount);
  const lat = new Float64Array(nodeCount);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let id = 0; id < nodeOf.length; id++) {
    const n = nodeOf[id]!;
    if (n < 0) continue;
    const x = (lon[n] = vertexLon[id]!);
    const y = (lat[n] = vertexLat[id]!);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const sx = 65535 / (maxX - minX || 1);
  const sy = 65535 / (maxY - minY || 1);
  // Hilbert value (32 bits) and node number packed in one double (exact below 2^53), so a native
  // numeric sort orders them; larger networks fall back to a comparator sort.
  const order = new Int32Array(nodeCount);
  if (nodeCount < 1 << 21) {
    const packed = new Float64Array(nodeCount);
    for (let n = 0; n < nodeCount; n++)
      packed[n] = hilbert(Math.floor((lon[n]! - minX) * sx), Math.floor((lat[n]! - minY) * sy)) * 2097152 + n;
    packed.sort();
    for (let k = 0; k < nodeCount; k++) order[k] = packed[k]! % 2097152;
  } else {
    const keys = new Float64Array(nodeCount);
    for (let n = 0; n < nodeCount; n++)
      keys[n] = hilbert(Math.floor((lon[n]! - minX) * sx), Math.floor((lat[n]! - minY) * sy));
    const idx = Array.from({ length: nodeCount }, (_, n) => n).sort((a, b) => keys[a]! - keys[b]! || a - b);
    for (let k = 0; k < nodeCount; k++) order[k] = idx[k]!;
  }
  const rank = new Int32Array(nodeCount);
  for (let k = 0; k < nodeCount; k++) rank[order[k]!] = k;
  return rank;
}

/** Position of (x, y) (16-bit each) along a Hilbert curve; the bit-twiddling form Flatbush uses. */
function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);
  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = c ^ ((c >> 1) ^ (b & (d >> 1)));
  let D = d ^ ((a & (c >> 1)) ^ (d >> 1));
  a = (A & (A >> 2)) ^ (B & (B >> 2));
  b = (A & (B >> 2)) ^ (B & ((A ^ B) >> 2));
  c = C ^ ((A & (C >> 2)) ^ (B & (D >> 2)));
  d = D ^ ((B & (C >> 2)) ^ ((A ^ B) & (D >> 2)));
  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C = c ^ ((a & (c >> 4)) ^ (b & (d >> 4)));
  D = d ^ ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));
  c = C ^ ((A & (C >> 8)) ^ (B & (D >> 8)));
  d = D ^ ((B & (C >> 8)) ^ ((A ^ B) & (D >> 8)));
  c ^= c >> 1;
  d ^= d >> 1;
  a = x ^ y;
  b = d | (0xffff ^ (a | c));
  a = (a | (a << 8)) & 0x00ff00ff;
  a = (a | (a << 4)) & 0x0f0f0f0f;
  a = (a | (a << 2)) & 0x33333333;
  a = (a | (a << 1)) & 0x55555555;
  b = (b | (b << 8)) & 0x00ff00ff;
  b = (b | (b << 4)) & 0x0f0f0f0f;
  b = (b | (b << 2)) & 0x33333333;
  b = (b | (b << 1)) & 0x55555555;
  return ((b << 1) | a) >>> 0;
}

/** Connected components by breadth-first search over the CSR arcs. */
export function findComponents(nodeCount: number, offsets: Int32Array, targets: Int32Array): NetworkComponents {
  const id = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  const sizes: number[] = [];
  for (let start = 0; start < nodeCount; start++) {
    if (id[start]! >= 0) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    id[start] = c;
    while (head < tail) {
      const n = queue[head++]!;
      for (let a = offsets[n]!; a < offsets[n + 1]!; a++) {
        const m = targets[a]!;
        if (id[m]! < 0) {
          id[m] = c;
          queue[tail++] = m;
        }
      }
    }
    sizes.push(tail);
  }
  let largest = -1;
  for (let c = 0; c < sizes.length; c++) if (largest < 0 || sizes[c]! > sizes[largest]!) largest = c;
  return { count: sizes.length, id, sizes: Int32Array.from(sizes), largest };
}

/** The node at the other end of edge e from node n. */
export function otherEnd(network: WalkingNetwork, e: number, n: number): number {
  const u = network.edgeFrom[e]!;
  return u === n ? network.edgeTo[e]! : u;
}

/** Index of the geometry segment of edge e holding the position `along` metres from its start. */
export function segmentAt(network: WalkingNetwork, e: number, along: number): number {
  const alongs = network.geometryAlong;
  let lo = network.geometryOffsets[e]!;
  let hi = network.geometryOffsets[e + 1]! - 2; // last segment start
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (alongs[mid]! <= along) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The position `along` metres from the start of edge e, as [lon, lat]. */
export function pointAlongEdge(network: WalkingNetwork, e: number, along: number): [number, number] {
  const k = segmentAt(network, e, along);
  const a0 = network.geometryAlong[k]!;
  const a1 = network.geometryAlong[k + 1]!;
  const t = a1 > a0 ? Math.min(1, Math.max(0, (along - a0) / (a1 - a0))) : 0;
  if (t === 1) return [network.geometryLon[k + 1]!, network.geometryLat[k + 1]!]; // exact, so stretches join exactly
  const lon = network.geometryLon[k]!;
  const lat = network.geometryLat[k]!;
  return [lon + t * (network.geometryLon[k + 1]! - lon), lat + t * (network.geometryLat[k + 1]! - lat)];
}

/**
 * The stretch of edge e between two positions (metres from its start), in walking order: from
 * `fromAlong` to `toAlong`, reversed along the geometry when fromAlong > toAlong.
 */
export function edgeStretch(network: WalkingNetwork, e: number, fromAlong: number, toAlong: number): Position[] {
  const lo = Math.min(fromAlong, toAlong);
  const hi = Math.max(fromAlong, toAlong);
  const out: Position[] = [pointAlongEdge(network, e, lo)];
  const end = network.geometryOffsets[e + 1]!;
  for (let k = segmentAt(network, e, lo) + 1; k < end; k++) {
    const a = network.geometryAlong[k]!;
    if (a >= hi) break;
    if (a > lo) out.push([network.geometryLon[k]!, network.geometryLat[k]!]);
  }
  if (hi > lo) out.push(pointAlongEdge(network, e, hi));
  if (fromAlong > toAlong) out.reverse();
  return out;
}
