// What the app reads and writes as whole files: the project file (save and open the whole plan),
// the plan export (GeoJSON and flat FlatGeobuf, which open back as the plan), the tables (CSV for
// Excel, XLSX), the printable report and a PNG of the map. Every writer takes the same export the
// CLI writes, so a file from the app and one from a script agree.
import { buildPlanExport, coverageExport, type PlanExport } from '../core/export-plan';
import { isLanguage, msg } from '../core/i18n';
import type { Flag } from '../core/model';
import { CREDITED_LAYERS, type LayerReplacement } from '../core/plan-lifecycle';
import { dispatch } from '../state/dispatch';
import type { PlanTableInput } from '../core/plan-table';
import { reportFileName, type PlanReportInput } from '../core/report/plan-report';
import type { RuleProfile } from '../core/rule-profile';
import { labelText, type CreditedLayer, type PlanLayers } from '../core/transaction';
import { writeGeoJson } from '../io';
import type { OpenedPlan } from '../io/plan-file';
import { PROJECT_EXTENSION, type ProjectData } from '../io/project-file';
import type { AppState } from '../state/app-state.svelte';

/** A file name from the plan's title and today's date, e.g. "南京东路方案-2026-12-01.geojson". */
export function planFileName(title: string, extension: string): string {
  const base = title === 'demo' ? 'plan-demo' : title.replace(/\.[a-z0-9]+$/i, '') || 'plan';
  return reportFileName(base, new Date().toISOString()).replace(/\.html$/, extension);
}

export function download(bytes: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Topology flags belong to the communities and grids they name. */
function topologyFlags(app: AppState): Map<string, Flag[]> {
  const extraFlags = new Map<string, Flag[]>();
  for (const f of app.topology ?? []) {
    const { location: _location, bbox: _bbox, ...flag } = f;
    for (const id of f.subjectIds) extraFlags.set(id, [...(extraFlags.get(id) ?? []), flag]);
  }
  return extraFlags;
}

export function planExport(app: AppState): PlanExport | null {
  const analysis = app.analysis.analysis;
  if (!analysis) return null;
  const { communities, grids, facilities } = app.plan.layers;
  const { extraProperties, metadata: coverageMetadata } = coverageExport(analysis.coverage, communities);
  return buildPlanExport({
    communities,
    grids,
    facilities,
    analysis,
    profile: app.profiles.active,
    extraProperties,
    extraFlags: topologyFlags(app),
    metadata: {
      exportedAt: new Date().toISOString(),
      title: app.plan.title,
      draft: app.plan.title === 'demo',
      ...coverageMetadata,
    },
  });
}

function tableInput(app: AppState): PlanTableInput | null {
  const analysis = app.analysis.analysis;
  if (!analysis) return null;
  const { communities, grids, facilities } = app.plan.layers;
  return {
    communities,
    grids,
    facilities,
    analysis,
    profile: app.profiles.active,
    extraFlags: topologyFlags(app),
    language: app.language,
  };
}

export function reportTitle(app: AppState): string {
  if (app.plan.title === 'demo') return app.t('centralShanghaiCommunityPlan');
  return app.plan.title.replace(/\.[a-z0-9]+$/i, '') || app.t('communityPlan');
}

export function reportInput(app: AppState, paper: 'A4' | 'A3' = 'A4'): PlanReportInput | null {
  const input = tableInput(app);
  if (!input) return null;
  const comparison = reportComparison(app);
  return {
    ...input,
    title: reportTitle(app),
    date: new Date().toISOString(),
    paper,
    ...(comparison ? { comparison } : {}),
  };
}

/** The comparison open in the comparison view, for the report's comparison section. */
function reportComparison(app: AppState): PlanReportInput['comparison'] | null {
  const pair = app.comparison;
  if (!pair?.result) return null;
  const side = (id: string) => {
    const scenario = app.scenarios.byId(id);
    const layers = app.scenarios.layersOf(id);
    if (!scenario || !layers) return null;
    const { communities, grids, facilities } = layers;
    return { name: labelText(scenario.name, app.language), communities, grids, facilities };
  };
  const before = side(pair.before);
  const after = side(pair.after);
  return before && after ? { before, after, comparison: pair.result } : null;
}

export function exportGeoJson(app: AppState): Promise<void> {
  const plan = planExport(app);
  if (plan) download(writeGeoJson(plan), planFileName(app.plan.title, '.geojson'), 'application/geo+json');
  return Promise.resolve();
}

export async function exportFlatGeobuf(app: AppState): Promise<void> {
  const plan = planExport(app);
  if (!plan) return;
  const { writePlanFlatGeobuf } = await import('../io/plan-flatgeobuf');
  download(await writePlanFlatGeobuf(plan), planFileName(app.plan.title, '.fgb'), 'application/octet-stream');
}

export async function exportTable(app: AppState, kind: 'csv' | 'xlsx'): Promise<void> {
  const input = tableInput(app);
  if (!input) return;
  const { buildPlanTables } = await import('../core/plan-table');
  const tables = buildPlanTables(input);
  if (kind === 'csv') {
    const { writeTableCsv } = await import('../io/table-csv');
    const sheet = tables.sheets.find((s) => s.id === 'communities')!;
    download(writeTableCsv(sheet), planFileName(app.plan.title, '.csv'), 'text/csv;charset=utf-8');
  } else {
    const { writeTableXlsx } = await import('../io/table-xlsx');
    download(
      await writeTableXlsx(tables),
      planFileName(app.plan.title, '.xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  }
}

export async function reportHtml(app: AppState, paper: 'A4' | 'A3'): Promise<string | null> {
  const input = reportInput(app, paper);
  if (!input) return null;
  const { buildPlanReport } = await import('../core/report/plan-report');
  return buildPlanReport(input);
}

export async function downloadReport(app: AppState, paper: 'A4' | 'A3'): Promise<void> {
  const html = await reportHtml(app, paper);
  if (html) download(html, reportFileName(reportTitle(app), new Date().toISOString()), 'text/html;charset=utf-8');
}

/**
 * Prints the report through the browser (its dialog saves as PDF too): the report is laid out in
 * a hidden frame of its own, so its print CSS (paper, page breaks) decides the pages, not the app's.
 */
export async function printReport(app: AppState, paper: 'A4' | 'A3'): Promise<void> {
  const html = await reportHtml(app, paper);
  if (!html) return;
  document.querySelector('iframe[data-testid="report-frame"]')?.remove();
  const frame = document.createElement('iframe');
  frame.dataset.testid = 'report-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  document.body.appendChild(frame);
  await new Promise<void>((resolve) => {
    frame.onload = () => resolve();
    frame.srcdoc = html;
  });
  frame.contentWindow?.focus();
  frame.contentWindow?.print();
}

/** The map as the person sees it (basemap, plan and household points), as a PNG. */
export function saveMapPng(app: AppState, container: HTMLElement | null): void {
  const canvases = [...(container?.querySelectorAll('canvas') ?? [])] as HTMLCanvasElement[];
  const first = canvases[0];
  if (!first) return;
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext('2d')!;
  for (const c of canvases) ctx.drawImage(c, 0, 0, out.width, out.height);
  // Credits go with the picture wherever the data is drawn.
  const credits = container?.querySelector('.maplibregl-ctrl-attrib')?.textContent?.trim();
  if (credits) {
    const scale = out.width / first.clientWidth || 1;
    ctx.font = `${11 * scale}px sans-serif`;
    const w = ctx.measureText(credits).width + 8 * scale;
    ctx.fillStyle = 'rgba(255,255,255,.8)';
    ctx.fillRect(out.width - w, out.height - 16 * scale, w, 16 * scale);
    ctx.fillStyle = '#333';
    ctx.fillText(credits, out.width - w + 4 * scale, out.height - 4 * scale);
  }
  out.toBlob((blob) => {
    if (!blob) return;
    void blob.arrayBuffer().then((b) => download(new Uint8Array(b), planFileName(app.plan.title, '.png'), 'image/png'));
  }, 'image/png');
}

// ---- The project file

export function projectData(app: AppState): ProjectData {
  const active = app.profiles.active;
  // A built-in profile is named by id; a custom or edited one travels whole, so the file opens
  // with the rules it was made under on a machine that never saw them.
  const custom: RuleProfile[] = [...app.profiles.userProfiles];
  if (!active.builtIn || app.profiles.modified) {
    const own =
      app.profiles.modified && active.builtIn ? { ...active, id: `${active.id}-edited`, builtIn: false } : active;
    if (!custom.some((p) => p.id === own.id)) custom.push(own);
    else
      custom.splice(
        custom.findIndex((p) => p.id === own.id),
        1,
        own,
      );
  }
  const activeId = app.profiles.modified && active.builtIn ? `${active.id}-edited` : active.id;
  const { water, credits, ...layers } = app.plan.layers;
  return {
    title: app.plan.title,
    layers: layers,
    profile: { activeId, custom },
    settings: {
      language: app.settings.language,
      visible: { ...app.settings.visible },
      overlapPolicy: app.overlapPolicy,
    },
    meta: { water: water ?? null, credits: credits ?? {} },
    scenarios: projectScenarios(app),
    views: app.views.list,
    savedAt: new Date().toISOString(),
  };
}

/** Every scenario for the project file: the active one is the project's layers, the others their own areas. */
function projectScenarios(app: AppState): NonNullable<ProjectData['scenarios']> {
  const { list, active } = app.scenarios;
  return {
    active: list.indexOf(active),
    list: list.map((s) => {
      if (s === active) return { id: s.id, name: s.name };
      const { communities, grids, facilities } = s.plan.layers;
      return { id: s.id, name: s.name, own: { title: s.plan.title, communities, grids, facilities } };
    }),
  };
}

export async function saveProject(app: AppState): Promise<void> {
  const { writeProjectFile } = await import('../io/project-file');
  download(writeProjectFile(projectData(app)), planFileName(app.plan.title, PROJECT_EXTENSION), 'application/zip');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The plan layers a project file describes, with the basemap water and credits it carried. */
export function projectLayers(project: ProjectData): PlanLayers {
  const meta = project.meta ?? {};
  const water =
    isObject(meta.water) && meta.water.type === 'FeatureCollection' && Array.isArray(meta.water.features)
      ? (meta.water as unknown as PlanLayers['water'])
      : null;
  const credits: PlanLayers['credits'] = {};
  if (isObject(meta.credits))
    for (const [layer, credit] of Object.entries(meta.credits))
      if (
        isObject(credit) &&
        typeof credit.zh === 'string' &&
        typeof credit.en === 'string' &&
        CREDITED_LAYERS.includes(layer as CreditedLayer)
      )
        credits[layer as CreditedLayer] = { zh: credit.zh, en: credit.en };
  return { ...project.layers, water, credits };
}

/** Puts an opened plan in place as one undoable step: a project replaces everything, an exported plan its three layers. */
export function applyOpenedPlan(app: AppState, plan: OpenedPlan, fileName: string): void {
  app.resetViews();
  if (plan.project) {
    const project = plan.project;
    dispatch(app, {
      type: 'replace-plan',
      layers: projectLayers(project),
      label: msg('edit.label.open', { file: fileName }),
      title: project.title,
    });
    // The file's other scenarios come beside the opened one; a file from before scenarios is one, 现状.
    if (project.scenarios)
      app.scenarios.replaceAll(
        project.scenarios.list.map(({ id, name, own }) => {
          if (!own) return { id, name };
          const { title, communities, grids, facilities } = own;
          return { id, name, state: { title, layers: { communities, grids, facilities } } };
        }),
        project.scenarios.active,
      );
    else app.scenarios.reset();
    app.views.replaceAll(project.views ?? []);
    app.profiles.adopt(project.profile.custom, project.profile.activeId);
    const settings = project.settings;
    if (isLanguage(settings.language)) app.settings.setLanguage(settings.language);
    if (settings.overlapPolicy === 'clip' || settings.overlapPolicy === 'flag')
      app.overlapPolicy = settings.overlapPolicy;
    return;
  }
  const replacements: LayerReplacement[] = [
    { layer: 'communities', value: plan.communities },
    { layer: 'grids', value: plan.grids },
    { layer: 'facilities', value: plan.facilities },
  ];
  dispatch(app, { type: 'open-layers', replacements, fileName, title: plan.title || fileName });
  if (plan.profileId) app.profiles.select(plan.profileId);
}
