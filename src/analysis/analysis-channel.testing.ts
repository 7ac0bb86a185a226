// Test support: the analysis worker's real handlers behind a MessageChannel in this thread.
import { createAnalysisHandlers } from './analysis-handlers';
import type { AnalysisRequests } from './worker-contract';
import { portEndpoint, serve, type ClientEndpoint } from './worker-rpc';

/**
 * The analysis handlers served over a fresh MessageChannel in this thread: the real contract,
 * structured clone and transfers included, without a Worker (tests and Node). Each call is a new
 * "worker" that knows nothing, as a restarted one.
 */
export function analysisOverChannel(): ClientEndpoint {
  const { port1, port2 } = new MessageChannel();
  serve<AnalysisRequests>(port2, createAnalysisHandlers());
  return portEndpoint(port1, () => port2.close());
}
