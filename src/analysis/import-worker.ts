// The import Web Worker: reads, inspects and imports picked files off the main thread, so a large
// file never freezes the page, and the analysis worker is never held up by an import.
import { createImportHandlers } from './import-handlers';
import type { ImportRequests } from './worker-contract';
import { serve } from './worker-rpc';

serve<ImportRequests>(self, createImportHandlers());
