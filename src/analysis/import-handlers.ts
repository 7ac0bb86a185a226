// The import worker's handlers: read a picked file's bytes here (with progress, stoppable between
// chunks), then inspect or import them with src/io exactly as the main thread did. The bytes of
// the last file read are kept, so inspecting and then importing one file reads it once.
import { msg } from '../core/i18n';
import { importLayer, inspectFile, type ImportResult, type Problem } from '../io';
import { FILE } from '../io/problem-list';
import type { ImportProgress, ImportRequests } from './worker-contract';
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
function transferResult(result: ImportResult, context: HandlerContext<ImportProgress>, keep: ArrayBufferLike | null) {
  if (!result.ok || result.layer.role !== 'households') return;
  const { coordinates, households } = result.layer.households;
  for (const buffer of [coordinates.buffer, households.buffer]) if (buffer !== keep) context.transfer(buffer);
}

export function createImportHandlers(): Handlers<ImportRequests> {
  let last: { file: Blob; name: string; bytes: Uint8Array } | null = null;

  /** The file's bytes: those read for the last request when it is the same file. */
  async function bytesOf(file: Blob, name: string, context: HandlerContext<ImportProgress>) {
    if (last && last.name === name && sameFile(last.file, file)) return last.bytes;
    last = null;
    const bytes = await readBytes(file, context);
    if (bytes) last = { file, name, bytes };
    return bytes;
  }

  return {
    inspect: async ({ file, name }, context) => {
      const bytes = await bytesOf(file, name, context);
      if (!bytes) return { ok: false, problems: [cancelled] };
      context.progress({ phase: 'importing', fraction: null });
      return inspectFile(bytes, name);
    },
    import: async ({ file, name, options }, context) => {
      const bytes = await bytesOf(file, name, context);
      if (!bytes) return { ok: false, problems: [cancelled], format: null };
      context.progress({ phase: 'importing', fraction: null });
      const result = await importLayer(bytes, name, {
        ...options,
        signal: context.signal,
        onProgress: (fraction) => context.progress({ phase: 'importing', fraction }),
      });
      transferResult(result, context, last?.bytes.buffer ?? null);
      return result;
    },
  };
}

/** Two clones of one picked file: a clone is a new object, so compare what identifies the file. */
function sameFile(a: Blob, b: Blob): boolean {
  const modified = (x: Blob) => ('lastModified' in x ? (x as File).lastModified : null);
  return a.size === b.size && a.type === b.type && modified(a) === modified(b);
}
