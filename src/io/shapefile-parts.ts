// The parts of one Shapefile picked or dropped together (.shp, .dbf, .shx, .prj, .cpg) grouped into
// one import: the .shp to read and its siblings by extension. Kept apart from shapefile.ts so the
// front door can group files without loading shpjs.
import { listMessage, msg } from '../core/i18n';
import type { Message } from '../core/model';
import type { NamedBytes, Problem } from './format';
import { FILE } from './problem-list';

function failure(message: Message): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ where: FILE, message }] };
}

const SHAPEFILE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'xml']);

function baseAndExtension(fileName: string): { base: string; ext: string } {
  const file = fileName.split(/[\\/]/).pop() ?? '';
  const dot = file.lastIndexOf('.');
  return dot > 0 ? { base: file.slice(0, dot), ext: file.slice(dot + 1).toLowerCase() } : { base: file, ext: '' };
}

/**
 * Several files dropped or picked together, as one import: the .shp and its same-named parts (the
 * .shp named by `table` when there are several). Null with the reason when they are not one
 * Shapefile, or a part is missing.
 */
export function groupShapefileParts(
  files: readonly NamedBytes[],
  table?: string,
):
  | { ok: true; main: NamedBytes; companions: Map<string, Uint8Array>; layers: string[] }
  | { ok: false; problems: Problem[] } {
  const named = files.map((f) => ({ ...f, ...baseAndExtension(f.name) }));
  const list = listMessage(named.slice(0, 8).map((f) => `"${f.name}"`));
  if (named.some((f) => !SHAPEFILE_PARTS.has(f.ext))) return failure(msg('io.format.severalFiles', { files: list }));
  const shps = named.filter((f) => f.ext === 'shp');
  if (shps.length === 0) {
    const base = named[0]!.base;
    return failure(msg('io.format.missingPart', { name: base, part: '.shp', given: list }));
  }
  const main = shps.find((s) => s.base === table) ?? shps[0]!;
  const companions = new Map<string, Uint8Array>();
  for (const f of named)
    if (f !== main && f.base.toLowerCase() === main.base.toLowerCase() && f.ext !== 'shp')
      companions.set(f.ext, f.bytes);
  if (!companions.has('dbf'))
    return failure(msg('io.format.missingPart', { name: main.base, part: '.dbf', given: list }));
  return { ok: true, main: { name: main.name, bytes: main.bytes }, companions, layers: shps.map((s) => s.base) };
}
