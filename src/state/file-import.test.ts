// The import worker's real handlers behind a MessageChannel: the picked file goes over as a Blob,
// progress comes back while it is read, the result's typed arrays are transferred, and a cancel
// stops the worker.
import { describe, expect, it } from 'vitest';
import { createImportHandlers } from '../analysis/import-handlers';
import type { ImportProgress, ImportRequests } from '../analysis/worker-contract';
import { portEndpoint, RequestCancelledError, serve, type ClientEndpoint } from '../analysis/worker-rpc';
import { FileImporter } from './file-import';

function importOverChannel(): ClientEndpoint & { closed: boolean } {
  const { port1, port2 } = new MessageChannel();
  serve<ImportRequests>(port2, createImportHandlers());
  const endpoint = Object.assign(
    portEndpoint(port1, () => {
      endpoint.closed = true;
      port2.close();
    }),
    { closed: false },
  );
  return endpoint;
}

function csvFile(rows: number): File {
  const lines = ['lon,lat,households'];
  for (let i = 0; i < rows; i++)
    lines.push(`${121.4 + (i % 100) * 0.001},${31.2 + Math.floor(i / 100) * 0.001},${i % 7}`);
  return new File([lines.join('\n')], 'homes.csv', { type: 'text/csv' });
}

describe('FileImporter over a MessageChannel', () => {
  it('inspects and imports a file read in the worker, reporting progress', async () => {
    const importer = new FileImporter(importOverChannel);
    const file = csvFile(20_000);
    const seen: ImportProgress[] = [];
    const inspected = await importer.inspect(file, { onProgress: (p) => seen.push(p) });
    expect(inspected.ok && inspected.summary.featureCount).toBe(20_000);
    expect(inspected.ok && inspected.summary.fields).toContain('households');
    expect(seen.some((p) => p.phase === 'reading' && p.fraction === 0)).toBe(true);
    expect(seen.some((p) => p.phase === 'importing')).toBe(true);
    const result = await importer.import(file, { role: 'households', crs: 'wgs84', householdsField: 'households' });
    expect(result.ok).toBe(true);
    if (!result.ok || result.layer.role !== 'households') return;
    expect(result.layer.households.coordinates.length).toBe(40_000);
    expect(result.layer.households.coordinates[2]).toBeCloseTo(121.401);
    let total = 0;
    for (const h of result.layer.households.households) total += h;
    expect(total).toBe([...Array(20_000).keys()].reduce((s, i) => s + (i % 7), 0));
  });

  it('returns the importer’s problems as values', async () => {
    const importer = new FileImporter(importOverChannel);
    const file = new File(['lon,lat\n231.4,31.2\n'], 'bad.csv');
    const result = await importer.import(file, { role: 'households', crs: 'wgs84' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.where).toEqual({ kind: 'line', n: 2 });
  });

  it('on cancel rejects at once and stops the worker; the next import starts a fresh one', async () => {
    const started: ReturnType<typeof importOverChannel>[] = [];
    const importer = new FileImporter(() => {
      const e = importOverChannel();
      started.push(e);
      return e;
    });
    const stop = new AbortController();
    const running = importer.import(csvFile(50_000), { role: 'households', crs: 'wgs84' }, { signal: stop.signal });
    stop.abort();
    await expect(running).rejects.toBeInstanceOf(RequestCancelledError);
    expect(started[0]?.closed).toBe(true);
    const again = await importer.import(csvFile(10), { role: 'households', crs: 'wgs84' });
    expect(again.ok).toBe(true);
    expect(started.length).toBe(2);
  });
});
