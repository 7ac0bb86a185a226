// The import worker's handlers: read a picked file's bytes here (with progress, stoppable between
// chunks), then inspect or import them with src/io exactly as the main thread did. The bytes of
// the last file read are kept, so inspecting and then importing one file reads it once.
import { msg } from '../core/i18n';
import { importLayer, inspectFile, type ImportInput, type ImportResult, type Problem } from '../io';
import { FILE } from '../io/problem-list';
import type { ImportFile, ImportProgress, ImportRequests } from './worker-contract';
import type { HandlerContext, Handlers } from './worker-rpc';

/** Progress messages at most this often while reading: enough to move a bar, few enough to cost nothing. */
const PROGRESS_STEP = 0.01;

/** A file's bytes, read chunk by chunk so the read reports progress and a cancel stops it. */
async function readBytes(file: Blob, context: HandlerContext<ImportProgress>): Promise<Uint8Array | null> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let reported = 0;
  context.progress({ phase: 'reading', fraction: 0 });
  for (;;) {
    if (context.signal.aborted) {
      await reader.cancel();
      return null;
    }
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, offset);
    offset += value.length;
    const fraction = file.size ? offset / file.size : 1;
    if (fraction - reported >= PROGRESS_STEP) {
      reported = fraction;
      context.progress({ phase: 'reading', fraction });
    }
  }
  return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}

const cancelled: Problem = { where: FILE, message: msg('io.cancelled') };

/** The typed arrays an import result holds, handed back instead of copied (never the kept file bytes). */
function transferResult(result: ImportResult, context: HandlerContext<ImportProgress>, keep: Set<ArrayBufferLike>) {
  if (!result.ok || result.layer.role !== 'households') return;
  const { coordinates, households } = result.layer.households;
  for (const buffer of [coordinates.buffer, households.buffer]) if (!keep.has(buffer)) context.transfer(buffer);
}

interface ReadFile {
  file: Blob;
  name: string;
  bytes: Uint8Array;
}

export function createImportHandlers(): Handlers<ImportRequests> {
  let last: ReadFile[] = [];

  /** The files' bytes: those read for the last request when they are the same files. */
  async function bytesOf(files: ImportFile[], context: HandlerContext<ImportProgress>): Promise<ImportInput | null> {
    const same =
      last.length === files.length &&
      files.every((f, i) => last[i]!.name === f.name && sameFile(last[i]!.file, f.file));
    if (!same) {
      last = [];
      const read: ReadFile[] = [];
      for (const { file, name } of files) {
        const bytes = await readBytes(file, context);
        if (!bytes) return null;
        read.push({ file, name, bytes });
      }
      last = read;
    }
    return last.length === 1 ? last[0]!.bytes : last.map(({ name, bytes }) => ({ name, bytes }));
  }

  const nameOf = (files: ImportFile[]) => files.find((f) => /\.shp$/i.test(f.name))?.name ?? files[0]?.name ?? '';

  return {
    inspect: async ({ files, options }, context) => {
      const input = await bytesOf(files, context);
      if (!input) return { ok: false, problems: [cancelled] };
      context.progress({ phase: 'importing', fraction: null });
      return inspectFile(input, nameOf(files), options);
    },
    import: async ({ files, options }, context) => {
      const input = await bytesOf(files, context);
      if (!input) return { ok: false, problems: [cancelled], format: null };
      context.progress({ phase: 'importing', fraction: null });
      const result = await importLayer(input, nameOf(files), {
        ...options,
        signal: context.signal,
        onProgress: (fraction) => context.progress({ phase: 'importing', fraction }),
      });
      transferResult(result, context, new Set(last.map((f) => f.bytes.buffer)));
      return result;
    },
  };
}

/** Two clones of one picked file: a clone is a new object, so compare what identifies the file. */
function sameFile(a: Blob, b: Blob): boolean {
  const modified = (x: Blob) => ('lastModified' in x ? (x as File).lastModified : null);
  return a.size === b.size && a.type === b.type && modified(a) === modified(b);
}
