// Opens the synthetic city-sized demo written by `npm run data:city` (public/city/): streams the
// household file with progress, reads it through the fast point reader, and can be cancelled at
// any point without touching the plan that is open.
import { importLayer, type ImportOptions } from '../io';
import { failureText } from '../io/problem-list';
import type { PlanLayers } from '../core/transaction';

const BASE = './city/';

async function fetchBytes(url: string, signal: AbortSignal, onProgress: (f: number) => void): Promise<Uint8Array> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} — run "npm run data:city" first`);
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
  const out = new Uint8Array(total);
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, received);
    received += value.length;
    onProgress(received / total);
  }
  return out;
}

async function layer(
  url: string,
  name: string,
  options: ImportOptions,
  signal: AbortSignal,
  onProgress: (f: number) => void,
) {
  const bytes = await fetchBytes(url, signal, (f) => onProgress(f * 0.5));
  const result = await importLayer(bytes, name, { ...options, signal, onProgress: (f) => onProgress(0.5 + f * 0.5) });
  if (!result.ok) throw new Error(failureText(name, result.problems, 'en'));
  return result.layer;
}

export async function loadCity(
  onProgress: (fraction: number, label: string) => void,
  signal: AbortSignal,
): Promise<PlanLayers> {
  const households = await layer(
    `${BASE}households.fgb`,
    'households.fgb',
    { role: 'households', crs: 'wgs84', householdsField: 'households' },
    signal,
    (f) => onProgress(f * 0.8, 'households'),
  );
  const communities = await layer(
    `${BASE}communities.geojson`,
    'communities.geojson',
    { role: 'communities', crs: 'wgs84' },
    signal,
    (f) => onProgress(0.8 + f * 0.05, 'communities'),
  );
  const roads = await layer(`${BASE}roads.geojson`, 'roads.geojson', { role: 'roads', crs: 'wgs84' }, signal, (f) =>
    onProgress(0.85 + f * 0.1, 'roads'),
  );
  const facilities = await layer(
    `${BASE}facilities.geojson`,
    'facilities.geojson',
    { role: 'facilities', crs: 'wgs84' },
    signal,
    (f) => onProgress(0.95 + f * 0.05, 'facilities'),
  );
  if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
  return {
    households:
      households.role === 'households'
        ? households.households
        : (() => {
            throw new Error('households');
          })(),
    communities: communities.role === 'communities' ? communities.units : [],
    grids: [],
    facilities: facilities.role === 'facilities' ? facilities.facilities : [],
    roads: roads.role === 'roads' ? roads.roads : null,
    blocks: [],
  };
}
