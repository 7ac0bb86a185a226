// Every refused file of the hostile corpus is refused by the CLI too: non-zero exit, one line
// naming the file and the reason, no stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { hostileCases } from '../../test/hostile-corpus-table';

const VALID_HOUSEHOLDS = 'data/demo/households.geojson';

describe('the CLI on the hostile corpus', () => {
  const refused = hostileCases().filter((c) => c.refused && (c.role === 'households' || c.role === 'communities'));
  it('has refused cases to check', () => expect(refused.length).toBeGreaterThan(10));
  it.each(refused.map((c) => [c.file, c] as const))('refuses %s with a one-line reason', (_name, c) => {
    const path = `test/fixtures/hostile/${c.file}`;
    const args =
      c.role === 'households'
        ? [
            '--communities',
            'data/demo/communities.geojson',
            '--households',
            path,
            ...(c.field ? ['--households-field', c.field] : []),
          ]
        : ['--communities', path, '--households', VALID_HOUSEHOLDS];
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'analyze',
        ...args,
        '--out',
        '/tmp/hostile-out.geojson',
        '--language',
        'en',
        // As the corpus is imported (WGS84): without --crs a file's own "crs" member is honoured.
        '--crs',
        'wgs84',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(c.file);
    if (c.phrase) expect(lines[0]!.toLowerCase()).toContain(c.phrase.toLowerCase().slice(0, 40));
  });
});
