// The entries of a zip (a zipped Shapefile, a KMZ, an XLSX) read without trusting it: a first walk
// of the directory inflates nothing and checks the entry count and the declared sizes of the
// entries wanted, so a zip bomb is refused before a byte is inflated; only then are those entries
// inflated. (project-file.ts has its own walk, since it also checks names and compression.)
import { unzipSync, type UnzipFileInfo } from 'fflate';

export type ZipEntries =
  | { ok: true; entries: Map<string, Uint8Array> }
  | { ok: false; reason: 'too-many' }
  | { ok: false; reason: 'too-big'; entry: string }
  | { ok: false; reason: 'damaged'; error: unknown };

export interface ZipLimits {
  /** Which entries to inflate (by name); the others are only counted. */
  wanted: (name: string) => boolean;
  maxEntries: number;
  /** The most the wanted entries may declare in all; with `countAll`, every entry. */
  maxTotalBytes: number;
  countAll?: boolean;
  /** Only check the caps: inflate nothing. */
  checkOnly?: boolean;
}

class TooManyEntries extends Error {}

export function unzipChecked(bytes: Uint8Array, limits: ZipLimits): ZipEntries {
  let seen = 0;
  let total = 0;
  let tooBig: string | null = null;
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (++seen > limits.maxEntries) throw new TooManyEntries();
        const wanted = limits.wanted(file.name);
        if (wanted || limits.countAll) total += file.originalSize;
        if (total > limits.maxTotalBytes) tooBig ??= file.name;
        if (wanted) names.add(file.name);
        return false;
      },
    });
    if (tooBig !== null) return { ok: false, reason: 'too-big', entry: tooBig };
    if (limits.checkOnly) return { ok: true, entries: new Map() };
    const files = unzipSync(bytes, { filter: (file) => names.has(file.name) });
    // Only names that passed the walk were inflated, so no "__proto__" key reaches the object.
    const entries = new Map<string, Uint8Array>();
    for (const name of names) if (Object.hasOwn(files, name)) entries.set(name, files[name]!);
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof TooManyEntries) return { ok: false, reason: 'too-many' };
    return { ok: false, reason: 'damaged', error };
  }
}

/**
 * The names in a zip's directory, inflating nothing, to tell what the zip holds (a Shapefile, a
 * KMZ, a workbook); null when it is damaged. Stops after `max` names.
 */
export function zipEntryNames(bytes: Uint8Array, max = 10_000): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (names.length >= max) throw new TooManyEntries();
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    if (!(error instanceof TooManyEntries)) return null;
  }
  return names;
}
