// Compares two of the plan's scenarios in the compare worker (started on first use): both sides
// over the shared households, roads, blocks and the active rule profile. Asking again cancels the
// comparison before it, so only the latest pair's answer arrives.
import type { CompareRequests, PlanComparison } from '../analysis/plan-compare';
import { WorkerClient, type ClientEndpoint } from '../analysis/worker-rpc';
import type { RuleProfile } from '../core/rule-profile';
import type { ScenarioStore } from './scenario-store.svelte';

const compareWorker = (): ClientEndpoint =>
  new Worker(new URL('../analysis/compare-worker.ts', import.meta.url), { type: 'module', name: 'compare' });

export class ScenarioComparer {
  #create: () => ClientEndpoint;
  #client: WorkerClient<CompareRequests> | null = null;

  constructor(create: () => ClientEndpoint = compareWorker) {
    this.#create = create;
  }

  compare(scenarios: ScenarioStore, beforeId: string, afterId: string, profile: RuleProfile): Promise<PlanComparison> {
    const before = scenarios.layersOf(beforeId);
    const after = scenarios.layersOf(afterId);
    if (!before || !after) return Promise.reject(new Error(`no scenario ${before ? afterId : beforeId}`));
    const side = (l: typeof before) => ({ communities: l.communities, grids: l.grids, facilities: l.facilities });
    const client = (this.#client ??= new WorkerClient<CompareRequests>(this.#create));
    return client.request(
      'compare',
      {
        households: before.households,
        before: side(before),
        after: side(after),
        profile,
        roads: before.roads,
        blocks: before.blocks,
      },
      { tag: 'compare' },
    );
  }
}
