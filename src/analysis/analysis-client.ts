// The UI side of the analysis worker: a typed request function over postMessage. A worker that
// crashes (an uncaught error, out of memory, a message that cannot be read) rejects every
// pending request, is replaced by a fresh one and reported through `onCrash`, so no caller
// waits forever and the owner can send the plan again.
import type { RequestMessage, RequestType, ResponseMessage, WorkerRequests } from './worker-contract';

/** A request that was in flight when its worker died. */
export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`the analysis worker stopped (${reason})`);
    this.name = 'WorkerCrashedError';
  }
}

export class AnalysisClient {
  private worker: Worker;
  private readonly create: (() => Worker) | null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Called after a crash, once the replacement worker (if any) is listening. */
  onCrash: ((reason: string) => void) | null = null;

  /** Given a factory, the client can restart the worker after a crash; given a worker, it cannot. */
  constructor(source: Worker | (() => Worker)) {
    this.create = typeof source === 'function' ? source : null;
    this.worker = this.attach(typeof source === 'function' ? source() : source);
  }

  private attach(worker: Worker): Worker {
    worker.onmessage = (event: MessageEvent<ResponseMessage>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      this.pending.delete(event.data.id);
      if (event.data.ok) entry.resolve(event.data.result);
      else entry.reject(new Error(event.data.error));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crash(event.message || 'an uncaught error');
    };
    worker.onmessageerror = () => this.crash('a message could not be read');
    return worker;
  }

  private crash(reason: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.worker.terminate();
    if (this.create) this.worker = this.attach(this.create());
    for (const p of pending) p.reject(new WorkerCrashedError(reason));
    this.onCrash?.(reason);
  }

  request<K extends RequestType>(
    type: K,
    params: WorkerRequests[K]['params'],
    transfer: Transferable[] = [],
  ): Promise<WorkerRequests[K]['result']> {
    const id = this.nextId++;
    const message: RequestMessage<K> = { id, type, params };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.worker.postMessage(message, transfer);
      } catch (error) {
        // A value that cannot be cloned: this request fails, the worker is fine.
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Test hook and last resort: kill the worker as a crash would. */
  simulateCrash(reason = 'stopped by request'): void {
    this.crash(reason);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
