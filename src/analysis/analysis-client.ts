// The main thread's side of the analysis worker: a WorkerClient typed by the analysis contract. A
// worker that crashes (an uncaught error, out of memory, a message that cannot be read) rejects
// every pending request, is replaced by a fresh one and reported through `onCrash`, so no caller
// waits forever and the owner can send the plan again.
import type { AnalysisRequests } from './worker-contract';
import { WorkerClient, type ClientEndpoint } from './worker-rpc';

export type AnalysisClient = WorkerClient<AnalysisRequests>;

export function createAnalysisClient(source: ClientEndpoint | (() => ClientEndpoint)): AnalysisClient {
  return new WorkerClient<AnalysisRequests>(source);
}
