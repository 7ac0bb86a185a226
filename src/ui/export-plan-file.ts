// Downloads the plan export (the same GeoJSON the CLI writes) as a file.
import { buildPlanExport, coverageExport } from '../core/export-plan';
import { writeGeoJson } from '../io';
import type { AppState } from '../state/app-state.svelte';

export function exportPlanFile(app: AppState): void {
  const analysis = app.analysis.analysis;
  if (!analysis) return;
  const { communities, grids } = app.plan.layers;
  const { extraProperties, metadata: coverageMetadata } = coverageExport(analysis.coverage, communities);
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
