// Downloads the plan export (the same GeoJSON the CLI writes) as a file.
import { buildPlanExport } from '../core/export-plan';
import { writeGeoJson } from '../io';
import type { AppState } from '../state/app-state.svelte';

export function exportPlanFile(app: AppState): void {
  const analysis = app.analysis.analysis;
  if (!analysis) return;
  const { communities, grids } = app.plan.layers;
  const coverage = analysis.coverage;
  const extraProperties = new Map<string, Record<string, unknown>>();
  const coverageMetadata: Record<string, unknown> = {};
  if (coverage) {
    for (const c of communities) extraProperties.set(c.id, { coverage: coverage.perCommunity[c.id] ?? null });
    coverageMetadata.coverage = coverage.overall;
    coverageMetadata.coverageDistances = coverage.distances;
    coverageMetadata.distanceMode = coverage.mode;
    coverageMetadata.distanceNote =
      coverage.mode === 'network'
        ? 'walking distances along the road network, including the access leg from each point to its nearest road'
        : 'straight-line distances: the plan has no road layer, so these are not walking distances';
  }
  // Topology flags belong to the communities and grids they name.
  const extraFlags = new Map<string, import('../core/model').Flag[]>();
  for (const f of app.topology ?? []) {
    const { location: _location, bbox: _bbox, ...flag } = f;
    for (const id of f.subjectIds) extraFlags.set(id, [...(extraFlags.get(id) ?? []), flag]);
  }
  const plan = buildPlanExport({
    communities,
    grids,
    analysis,
    profile: app.profiles.active,
    extraProperties,
    extraFlags,
    metadata: { exportedAt: new Date().toISOString(), title: app.plan.title, draft: app.plan.title === 'demo', ...coverageMetadata },
  });
  const blob = new Blob([writeGeoJson(plan) as BlobPart], { type: 'application/geo+json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `plan-${new Date().toISOString().slice(0, 10)}.geojson`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
