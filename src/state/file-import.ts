// Reading a picked file for import, off the main thread: the import worker (created on first use,
// apart from the analysis worker) reads the file's bytes, inspects and imports them, and sends the
// result back with its typed arrays transferred. Cancelling stops the worker outright (a parse in
// progress cannot be interrupted otherwise); the next import starts a fresh one.
import type { ImportOptions, ImportResult, InspectResult } from '../io';
import type { ImportProgress, ImportRequests } from '../analysis/worker-contract';
import { WorkerClient, type ClientEndpoint, type ProgressOf } from '../analysis/worker-rpc';

export type { ImportProgress };

export interface ImportRun {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

const importWorker = (): ClientEndpoint =>
  new Worker(new URL('../analysis/import-worker.ts', import.meta.url), { type: 'module', name: 'import' });

export class FileImporter {
  #create: () => ClientEndpoint;
  #client: WorkerClient<ImportRequests> | null = null;

  constructor(create: () => ClientEndpoint = importWorker) {
    this.#create = create;
  }

  #run<K extends keyof ImportRequests>(
    type: K,
    params: ImportRequests[K]['params'],
    run: ImportRun,
  ): Promise<ImportRequests[K]['result']> {
    const client = (this.#client ??= new WorkerClient<ImportRequests>(this.#create));
    const stop = () => {
      if (this.#client === client) this.#client = null;
      client.terminate();
    };
    run.signal?.addEventListener('abort', stop, { once: true });
    return client
      .request(type, params, {
        ...(run.signal ? { signal: run.signal } : {}),
        // Every import request reports ImportProgress; the generic K cannot say so by itself.
        onProgress: run.onProgress as ((progress: ProgressOf<ImportRequests, K>) => void) | undefined,
      })
      .finally(() => run.signal?.removeEventListener('abort', stop));
  }

  /**
   * What the import dialog shows first, for one file or a Shapefile's parts picked together (and
   * again for another sheet or table). Rejects with RequestCancelledError when cancelled.
   */
  inspect(
    file: File | readonly File[],
    run: ImportRun = {},
    options: Pick<ImportOptions, 'sheet' | 'table'> = {},
  ): Promise<InspectResult> {
    return this.#run('inspect', { files: named(file), options }, run);
  }

  /** Imports the file (or files) for one role; failures are values, as importLayer's. Rejects when cancelled. */
  import(
    file: File | readonly File[],
    options: Omit<ImportOptions, 'onProgress' | 'signal'>,
    run: ImportRun = {},
  ): Promise<ImportResult> {
    return this.#run('import', { files: named(file), options }, run);
  }
}

function named(file: File | readonly File[]): { file: File; name: string }[] {
  return (file instanceof File ? [file] : [...file]).map((f) => ({ file: f, name: f.name }));
}

/** The app's one importer: its worker starts with the first import. */
export const fileImporter = new FileImporter();
