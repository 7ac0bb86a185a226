// Every file of the hostile corpus, dropped into the app's import dialog as a person would: the
// refused ones show their reason and leave the plan exactly as it was; the accepted ones import,
// and HTML in names stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openApp, stopServer, waitForAnalysis, type Session } from './browser';
import { readDemo } from './demo-geometry';
import { generatedHostileCases, hostileCases } from '../hostile-corpus-table';

let s: Session;

beforeAll(async () => {
  s = await openApp();
  await waitForAnalysis(s.page, readDemo('communities').length);
});

afterAll(async () => {
  await s?.close();
  stopServer();
});

async function planState() {
  return s.page.evaluate(() => {
    const app = (window as unknown as { __app: { plan: { undoStack: unknown[]; version: number } } }).__app;
    return {
      rows: document.querySelectorAll('[data-testid="community-table"] tbody tr').length,
      summary: document.querySelector('[data-testid="summary"]')?.textContent ?? '',
      history: app.plan.undoStack.length,
      version: app.plan.version,
    };
  });
}

async function chooseFile(file: string, bytes?: Uint8Array) {
  if (bytes) {
    // A path, not a buffer: the local browser reads it itself, where a 10 MB buffer sent over the
    // protocol took longer than the step's timeout on a loaded machine.
    const dir = '.cache/hostile-generated';
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${file}`, bytes);
    await s.page.getByTestId('file-input').setInputFiles(`${dir}/${file}`);
  } else
    await s.page.getByTestId('file-input').setInputFiles({
      name: file,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(`test/fixtures/hostile/${file}`),
    });
  await s.page.getByTestId('import-dialog').waitFor();
}

function setLanguage(language: 'zh' | 'en') {
  return s.page.evaluate((l) => {
    (window as unknown as { __app: { settings: { setLanguage(l: string): void } } }).__app.settings.setLanguage(l);
  }, language);
}

/** Imports a refused file and returns what the dialog lists, then cancels. */
async function refusalText(file: string, role: string, field: string | null): Promise<string> {
  await chooseFile(file);
  const problems = s.page.getByTestId('import-problems');
  await Promise.race([problems.waitFor(), s.page.getByTestId('import-role').waitFor()]);
  if (!(await problems.isVisible())) {
    await s.page.getByTestId('import-role').selectOption(role);
    if (field) await s.page.getByTestId('import-field').selectOption(field);
    await s.page.getByTestId('import-run').click();
    await problems.waitFor();
  }
  const text = (await problems.textContent())!;
  await s.page.getByTestId('import-cancel').click();
  return text;
}

describe('an import refusal in the interface language', () => {
  it('lists the problem and its place in Chinese in the Chinese interface', async () => {
    await setLanguage('zh');
    const perFeature = await refusalText('non-numeric-households.geojson', 'households', 'households');
    expect(perFeature).toContain("第 2 个要素：户数 'abc' 不是数字");
    expect(perFeature).toContain("第 3 个要素：户数 'Infinity' 不是有限数");
    expect(perFeature).not.toMatch(/feature|is not a/);
    const wholeFile = await refusalText('swapped-lonlat.geojson', 'households', null);
    expect(wholeFile).toContain('所有要素的经纬度都颠倒了');
    expect(wholeFile).not.toMatch(/swapped/);
  });

  it('lists the same problem in English in the English interface', async () => {
    await setLanguage('en');
    const perFeature = await refusalText('non-numeric-households.geojson', 'households', 'households');
    expect(perFeature).toContain("feature 2: household count 'abc' is not a number");
    expect(perFeature).not.toMatch(/要素|数字/);
  });
});

describe('the hostile corpus in the app', () => {
  // The corpus table's phrases are English.
  beforeAll(() => setLanguage('en'));
  for (const c of hostileCases().filter((x) => x.refused)) {
    it(`refuses ${c.file} (as ${c.role}) with its reason and changes nothing`, async () => {
      const before = await planState();
      await chooseFile(c.file);
      const problems = s.page.getByTestId('import-problems');
      // Files that cannot even be read are refused on opening; the rest when imported.
      await Promise.race([problems.waitFor(), s.page.getByTestId('import-role').waitFor()]);
      if (!(await problems.isVisible())) {
        await s.page.getByTestId('import-role').selectOption(c.role);
        if (c.field) await s.page.getByTestId('import-field').selectOption(c.field);
        // As the corpus is imported (WGS84): the dialog would otherwise take a file's own "crs" member.
        await s.page.getByTestId('import-crs').selectOption('wgs84');
        await s.page.getByTestId('import-run').click();
        await problems.waitFor();
      }
      const text = (await problems.textContent())!;
      if (c.phrase) expect(text.toLowerCase()).toContain(c.phrase.toLowerCase().slice(0, 40));
      await s.page.getByTestId('import-cancel').click();
      expect(await planState()).toEqual(before);
    });
  }

  it('imports names holding HTML as plain text, never as markup', async () => {
    await chooseFile('html-in-names.geojson');
    await s.page.getByTestId('import-role').selectOption('households');
    await s.page.getByTestId('import-run').click();
    await s.page.getByTestId('notice').waitFor();
    await s.page.evaluate(() =>
      (window as unknown as { __app: { select(x: unknown): void } }).__app.select({ kind: 'household', index: 0 }),
    );
    const details = s.page.getByTestId('details');
    await details.waitFor();
    const html = await details.innerHTML();
    expect(html).not.toMatch(/<script|<img|onerror=/i);
    expect(await details.textContent()).toMatch(/</);
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
    await s.page.keyboard.press('Control+z');
  });

  it('imports a GBK CSV and a UTF-8-with-BOM CSV as households', async () => {
    for (const [file, field] of [
      ['gbk.csv', '户数'],
      ['utf8-bom.csv', 'households'],
    ] as const) {
      const before = await planState();
      await chooseFile(file);
      await s.page.getByTestId('import-role').selectOption('households');
      await s.page.getByTestId('import-field').selectOption(field);
      await s.page.getByTestId('import-run').click();
      await s.page.waitForFunction(
        (v) => (window as unknown as { __app: { plan: { version: number } } }).__app.plan.version > v,
        before.version,
      );
      await s.page.keyboard.press('Control+z');
    }
  });
});

/**
 * The plan once no analysis is pending and the summary has stopped changing (an undo before is
 * still being counted: on a loaded machine a recount can outlast the pause between two readings).
 */
async function settledPlanState() {
  const idle = () =>
    s.page.waitForFunction(
      () => (window as unknown as { __app: { analysis: { pending: number } } }).__app.analysis.pending === 0,
      undefined,
      { timeout: 60_000 },
    );
  await idle();
  let last = await planState();
  for (;;) {
    await s.page.waitForTimeout(500);
    await idle();
    const now = await planState();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

describe('the generated hostile files in the app, in Chinese', () => {
  beforeAll(() => setLanguage('zh'));
  for (const c of generatedHostileCases()) {
    it(`${c.refused ? 'refuses' : 'imports'} ${c.file} (as ${c.role})${c.refused ? ' with one line in Chinese, plan unchanged' : ''}`, async () => {
      const before = await settledPlanState();
      const started = Date.now();
      await chooseFile(c.file, c.bytes());
      const problems = s.page.getByTestId('import-problems');
      await Promise.race([problems.waitFor(), s.page.getByTestId('import-role').waitFor()]);
      if (!(await problems.isVisible())) {
        await s.page.getByTestId('import-role').selectOption(c.role);
        if (c.field) await s.page.getByTestId('import-field').selectOption(c.field);
        await s.page.getByTestId('import-run').click();
        if (c.refused) await problems.waitFor();
      }
      if (c.refused) {
        const items = await problems.locator('li').allTextContents();
        const text = items.length ? items : [(await problems.textContent())!];
        expect(text).toHaveLength(1);
        expect(text[0]).toContain(c.zhPhrase);
        expect(text[0]).not.toMatch(/error in the importer|导入程序出错/);
        await s.page.getByTestId('import-cancel').click();
        expect(await settledPlanState()).toEqual(before);
      } else {
        await s.page.waitForFunction(
          (v) => (window as unknown as { __app: { plan: { version: number } } }).__app.plan.version > v,
          before.version,
        );
        await s.page.keyboard.press('Control+z');
      }
      // For the report: how long a person waits for the answer.
      console.log(`e2e ${c.file}: ${c.refused ? 'refused' : 'imported'} in ${Date.now() - started} ms`);
    });
  }

  it('imports a community of overlapping parts as their union, saying so in Chinese', async () => {
    await s.page.getByTestId('file-input').setInputFiles({
      name: 'overlapping-parts.geojson',
      mimeType: 'application/geo+json',
      buffer: readFileSync('test/fixtures/hostile-plans/overlapping-parts.geojson'),
    });
    await s.page.getByTestId('import-dialog').waitFor();
    await s.page.getByTestId('import-role').selectOption('communities');
    await s.page.getByTestId('import-run').click();
    const notice = s.page.getByTestId('notice');
    await notice.waitFor();
    await s.page.screenshot({ path: '.cache/hostile-overlapping-parts.png' });
    expect(await notice.textContent()).toContain('的多个部分相互重叠；已合并为它们的并集');
    await s.page.keyboard.press('Control+z');
  });
});
