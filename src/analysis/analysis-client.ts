// The UI side of the analysis worker: a typed request function over postMessage.
import type { RequestMessage, RequestType, ResponseMessage, WorkerRequests } from './worker-contract';

export class AnalysisClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(worker: Worker) {
    this.worker = worker;
    this.worker.onmessage = (event: MessageEvent<ResponseMessage>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      this.pending.delete(event.data.id);
      if (event.data.ok) entry.resolve(event.data.result);
      else entry.reject(new Error(event.data.error));
    };
  }

  request<K extends RequestType>(type: K, params: WorkerRequests[K]['params'], transfer: Transferable[] = []): Promise<WorkerRequests[K]['result']> {
    const id = this.nextId++;
    const message: RequestMessage<K> = { id, type, params };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
