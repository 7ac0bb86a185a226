// The analysis Web Worker: serves the analysis handlers (analysis-handlers.ts) on its global scope.
import { createAnalysisHandlers } from './analysis-handlers';
import type { AnalysisRequests } from './worker-contract';
import { serve } from './worker-rpc';

serve<AnalysisRequests>(self, createAnalysisHandlers());
