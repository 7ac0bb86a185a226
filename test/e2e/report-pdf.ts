// The report the app printed, as a person's PDF would read: the hidden report frame's document is
// printed to PDF by Chromium and read back with pdftotext (reading order, or `-layout`).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Session } from './browser';

export async function printedReport(
  s: Session,
  dir: string,
  layout = false,
): Promise<{ text: string; pages: number; pdf: string }> {
  const frame = s.page.locator('iframe[data-testid="report-frame"]');
  await frame.waitFor({ state: 'attached' });
  const html = await frame.evaluate((f) => (f as HTMLIFrameElement).srcdoc);
  const printer = await s.context.newPage();
  await printer.setContent(html, { waitUntil: 'load' });
  const pdf = join(dir, 'report.pdf');
  await printer.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await printer.close();
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return { text, pages, pdf };
}
