// The plan as files, as a person uses them: save a project and open it back identically (by the
// Open button and by dropping it on the map, each after confirming), export GeoJSON and
// FlatGeobuf and import them back as the plan with the same counts, download the CSV and XLSX
// tables and read them as Excel would, print the report to PDF and read its table, save a PNG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printedReport } from './report-pdf';
import { confirmDialog, newPlan, openApp, stopServer, waitForAnalysis, type Session } from './browser';
import type { Page } from 'playwright-core';

const demoCommunities = JSON.parse(readFileSync('data/demo/communities.geojson', 'utf8')) as {
  features: { properties: { name: string } }[];
};
const demoFacilities = JSON.parse(readFileSync('data/demo/facilities.geojson', 'utf8')) as { features: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'shequ-files-'));

let s: Session;

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, demoCommunities.features.length);
  await idle(s.page);
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

/** The worker has answered everything asked of it (results and topology). */
async function idle(page: Page) {
  await page.waitForFunction(
    () => {
      const app = (
        window as unknown as { __app: { analysis: { pending: number; analysis: unknown }; topology: unknown } }
      ).__app;
      return app.analysis.pending === 0 && app.analysis.analysis !== null && app.topology !== null;
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(400);
}

async function table(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="community-table"] tbody tr')].map((r) => r.textContent ?? '').sort(),
  );
}

async function layerCounts(page: Page) {
  return page.evaluate(() => {
    const l = (
      window as unknown as {
        __app: {
          plan: {
            layers: {
              communities: unknown[];
              grids: unknown[];
              facilities: unknown[];
              households: { households: Float64Array };
            };
          };
        };
      }
    ).__app.plan.layers;
    return {
      communities: l.communities.length,
      grids: l.grids.length,
      facilities: l.facilities.length,
      households: l.households.households.length,
    };
  });
}

async function downloadOf(page: Page, testid: string, viaMenu = true): Promise<{ path: string; name: string }> {
  if (viaMenu) await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(work, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

/** The export without the moment it was made, for comparing two exports. */
function exportBody(path: string): unknown {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as { metadata: Record<string, unknown> };
  delete fc.metadata.exportedAt;
  return fc;
}

describe('the project file', () => {
  let projectPath = '';
  let before: string[] = [];
  let exportBefore: unknown;

  it('saves the whole plan as one .shequ file', async () => {
    before = await table(s.page);
    exportBefore = exportBody((await downloadOf(s.page, 'export-geojson')).path);
    const saved = await downloadOf(s.page, 'save-project', false);
    expect(saved.name).toMatch(/\.shequ$/);
    projectPath = saved.path;
    expect(readFileSync(projectPath).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('opens back identically after New, by the Open button, once confirmed', async () => {
    await newPlan(s.page);
    await s.page.getByTestId('open-input').setInputFiles(projectPath);
    await confirmDialog(s.page);
    await waitForAnalysis(s.page, demoCommunities.features.length);
    await idle(s.page);
    expect(await table(s.page)).toEqual(before);
    expect(exportBody((await downloadOf(s.page, 'export-geojson')).path)).toEqual(exportBefore);
    expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toMatch(/链家/);
  });

  it('opens when dropped on the map, after asking', async () => {
    await newPlan(s.page);
    const bytes = [...readFileSync(projectPath)];
    await s.page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'dropped.shequ'));
      document
        .querySelector('.map-area')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await confirmDialog(s.page);
    await waitForAnalysis(s.page, demoCommunities.features.length);
    await idle(s.page);
    expect(await table(s.page)).toEqual(before);
  });
});

describe('exports that come back', () => {
  it('the GeoJSON export carries facilities and imports back as the plan, with the same counts', async () => {
    const before = await table(s.page);
    const counts = await layerCounts(s.page);
    const exported = await downloadOf(s.page, 'export-geojson');
    const fc = JSON.parse(readFileSync(exported.path, 'utf8')) as { features: { properties: { kind: string } }[] };
    expect(fc.features.filter((f) => f.properties.kind === 'facility')).toHaveLength(demoFacilities.features.length);
    // Lose the grids and the facilities, then import the export: the plan comes back.
    for (const layer of ['grids', 'facilities']) {
      await s.page.getByTestId(`remove-${layer}`).click();
      await confirmDialog(s.page);
    }
    await s.page.waitForFunction(
      () =>
        (window as unknown as { __app: { plan: { layers: { grids: unknown[] } } } }).__app.plan.layers.grids.length ===
        0,
    );
    await s.page.getByTestId('file-input').setInputFiles(exported.path);
    await confirmDialog(s.page);
    await s.page.waitForFunction(
      (n) =>
        (window as unknown as { __app: { plan: { layers: { grids: unknown[] } } } }).__app.plan.layers.grids.length ===
        n,
      counts.grids,
    );
    await idle(s.page);
    expect(await layerCounts(s.page)).toEqual(counts);
    expect(await table(s.page)).toEqual(before);
  });

  it('the FlatGeobuf export has flat columns GDAL reads, and imports back with the same counts', async () => {
    const before = await table(s.page);
    const counts = await layerCounts(s.page);
    const exported = await downloadOf(s.page, 'export-fgb');
    if (existsSync('/usr/bin/ogrinfo')) {
      const info = execFileSync('ogrinfo', ['-so', '-al', exported.path], { encoding: 'utf8' });
      expect(info).toMatch(/households: Integer|households: Real/);
      expect(info).toMatch(/flagCodes: String/);
      expect(info).toMatch(/Feature Count: \d+/);
    }
    await newPlan(s.page);
    await s.page.keyboard.press('Control+z');
    await waitForAnalysis(s.page, demoCommunities.features.length);
    for (const layer of ['grids', 'facilities', 'communities']) {
      await s.page.getByTestId(`remove-${layer}`).click();
      await confirmDialog(s.page);
    }
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="community-table"] tbody tr').length === 0,
    );
    await s.page.getByTestId('file-input').setInputFiles(exported.path);
    await confirmDialog(s.page);
    await waitForAnalysis(s.page, demoCommunities.features.length);
    await idle(s.page);
    expect(await layerCounts(s.page)).toEqual(counts);
    expect(await table(s.page)).toEqual(before);
  });
});

describe('tables and the report', () => {
  it('the CSV has a byte-order mark, Chinese intact, every community, and no cell that starts a formula', async () => {
    const csv = readFileSync((await downloadOf(s.page, 'export-csv')).path);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(demoCommunities.features.length + 1);
    expect(text).toContain(demoCommunities.features[0]!.properties.name);
    for (const line of lines)
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
  });

  it('the XLSX opens with a sheet for communities, grids, flags and coverage', async () => {
    const path = (await downloadOf(s.page, 'export-xlsx')).path;
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheets = book.worksheets.map((w) => w.name);
    expect(sheets.length).toBeGreaterThanOrEqual(4);
    const communities = book.worksheets[0]!;
    expect(communities.rowCount).toBe(demoCommunities.features.length + 1);
    let formulas = 0;
    for (const w of book.worksheets) w.eachRow((row) => row.eachCell((cell) => void (cell.formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
  });

  it('prints the report: the PDF has the title, every community and the citations', async () => {
    await s.page.getByTestId('export-menu').click();
    // The print dialog itself is the browser's; the report is the document it prints.
    await s.page.evaluate(() => (window.print = () => undefined));
    await s.page.getByTestId('print-a4').click();
    const { text, pages } = await printedReport(s, work, true);
    expect(pages).toBeGreaterThan(2);
    expect(text).toMatch(/上海中心城区社区规划/);
    for (const f of demoCommunities.features)
      expect(text.replace(/\s+/g, '')).toContain(f.properties.name.replace(/\s+/g, ''));
    expect(text).toMatch(/苏发〔2011〕15号/);
    writeFileSync(join(work, 'report.txt'), text);
  });

  it('saves the current map as a PNG', async () => {
    const png = readFileSync((await downloadOf(s.page, 'export-png')).path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    expect(s.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
