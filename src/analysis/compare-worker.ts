// The comparison Web Worker: compares two scenarios off the main thread. A comparison counts both
// sides afresh, with topology and coverage, which takes seconds on the demo under load: too long
// for the page, and unrelated to the analysis worker's incremental state, so it has its own.
import { comparePlans, type CompareRequests } from './plan-compare';
import { serve } from './worker-rpc';

serve<CompareRequests>(self, { compare: (params) => comparePlans(params) });
