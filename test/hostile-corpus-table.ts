// Reads the hostile corpus table (test/fixtures/hostile/README.md) so the app and CLI tests go
// through exactly the files and outcomes the io tests check.
import { readFileSync } from 'node:fs';

export interface HostileCase {
  file: string;
  role: 'households' | 'communities' | 'grids' | 'facilities' | 'roads';
  field: string | null;
  refused: boolean;
  /** A phrase from the expected message, "…" parts dropped. */
  phrase: string;
}

export function hostileCases(): HostileCase[] {
  const text = readFileSync('test/fixtures/hostile/README.md', 'utf8');
  const cases: HostileCase[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([^`]+)` \| (\w+)(?: \(field `([^`]+)`\))? \| (refused|accepted)(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const quoted = /"([^"]+)"/.exec(m[5] ?? '');
    const phrase = quoted
      ? quoted[1]!
          .split('…')
          .map((p) => p.trim())
          .sort((a, b) => b.length - a.length)[0]!
      : '';
    cases.push({
      file: m[1]!,
      role: m[2] as HostileCase['role'],
      field: m[3] ?? null,
      refused: m[4] === 'refused',
      phrase,
    });
  }
  return cases;
}
