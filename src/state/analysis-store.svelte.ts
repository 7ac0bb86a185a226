// Keeps the worker's analysis in step with the plan: after every change it sends the worker only
// what changed (households, the communities or grids that differ by reference, the profile) and
// holds the latest results for the UI.
import type { AreaResult, AreaUnit, CoverageShares, Facility, HouseholdSet, PlanAnalysis } from '../core/model';
import { applyCoverUpdate, RecordDeltaDecoder, ResultDeltaDecoder } from '../analysis/result-delta';
import type { RuleProfile } from '../core/rule-profile';
import type { PlanLayers } from '../core/transaction';
import { createAnalysisClient, type AnalysisClient } from '../analysis/analysis-client';
import { RequestCancelledError, type ClientEndpoint } from '../analysis/worker-rpc';
// In the main chunk on purpose: a module import would wait on the browser like a fetch (see countHere).
import { PlanAnalyzer } from '../analysis/plan-analyzer';
import type { AnalysisQuery, AnalysisRequests, AnalysisSnapshot } from '../analysis/worker-contract';

export class AnalysisStore {
  analysis = $state.raw<PlanAnalysis | null>(null);
  /** Per household point: number of communities containing it. */
  cover = $state.raw<Uint8Array | null>(null);
  lastMs = $state(0);
  error = $state<string | null>(null);
  pending = $state(0);

  private client: AnalysisClient;
  private sentHouseholds: HouseholdSet | null = null;
  private sentUnits: Record<'community' | 'grid', AreaUnit[] | null> = { community: null, grid: null };
  private sentProfile: RuleProfile | null = null;
  private sentFacilities: Facility[] | null = null;
  private sentRoads: PlanLayers['roads'] | undefined = undefined;
  private queue: Promise<void> = Promise.resolve();
  private communityDecoder = new ResultDeltaDecoder();
  private gridDecoder = new ResultDeltaDecoder();
  private communityResults: AreaResult[] = [];
  private gridResults: AreaResult[] = [];

  /** Every snapshot's deltas are applied in order, even when only the last one is shown. */
  private absorb(snapshot: AnalysisSnapshot): AnalysisSnapshot {
    this.communityResults = this.communityDecoder.apply(snapshot.communities);
    this.gridResults = this.gridDecoder.apply(snapshot.grids);
    this.perCommunity = snapshot.perCommunity ? this.perCommunityDecoder.apply(snapshot.perCommunity) : null;
    // Every update is applied in order (a patch builds on the one before), shown or not.
    if (snapshot.cover) this.heldCover = applyCoverUpdate(this.heldCover, snapshot.cover);
    return snapshot;
  }
  private perCommunityDecoder = new RecordDeltaDecoder<CoverageShares | null>();
  private perCommunity: Record<string, CoverageShares | null> | null = null;
  /** The cover as the worker last described it (shown as `cover` when a sync completes). */
  private heldCover: Uint8Array | null = null;

  /** How often the worker has crashed and been restarted in this session (the UI tells the user). */
  crashes = $state(0);
  private lastSync: { layers: PlanLayers; profile: RuleProfile } | null = null;

  constructor(worker: ClientEndpoint | (() => ClientEndpoint)) {
    this.client = createAnalysisClient(worker);
    this.client.onCrash = () => this.restart();
  }

  /**
   * The first counts of a plan just opened, made here while the worker starts: a fresh browser
   * can take a second or more to bring a worker up, and the first table must not wait for it.
   * The same engine (PlanAnalyzer) counts the same households into the same communities; the
   * worker's own results replace these as soon as they come, with grids and coverage.
   */
  private workerPublished = false;
  private countedHere = false;

  private countHere(layers: PlanLayers, profile: RuleProfile): void {
    try {
      if (
        this.workerPublished ||
        this.lastSync?.layers.communities !== layers.communities ||
        this.lastSync.layers.households !== layers.households
      )
        return;
      const analyzer = new PlanAnalyzer(layers.households);
      analyzer.setCommunities(layers.communities);
      const analysis = analyzer.analyze(profile);
      if (this.workerPublished) return;
      this.analysis = { ...analysis, grids: [] };
      this.cover = analyzer.communityCover();
    } catch {
      // Only a head start: the worker's results come anyway.
    }
  }

  /** A fresh worker knows nothing: forget what was sent and send the latest plan again. */
  private restart(): void {
    this.sentHouseholds = null;
    this.sentUnits = { community: null, grid: null };
    this.sentProfile = null;
    this.sentFacilities = null;
    this.sentRoads = undefined;
    this.communityDecoder = new ResultDeltaDecoder();
    this.gridDecoder = new ResultDeltaDecoder();
    this.perCommunityDecoder = new RecordDeltaDecoder<CoverageShares | null>();
    this.perCommunity = null;
    this.heldCover = null;
    this.crashes++;
    if (this.lastSync) void this.sync(this.lastSync.layers, this.lastSync.profile);
  }

  /** Test hook: the worker dies as if it had crashed. */
  simulateCrash(): void {
    this.client.simulateCrash();
  }

  /** The newest query asked per tag: an older one still waiting for its turn is not sent. */
  private latestTagged = new Map<string, number>();
  private queries = 0;

  /**
   * Read-only queries (coverage tiers, nearest facilities, walking areas, topology), queued after
   * pending syncs so they read the plan as last sent. With a tag, a newer query of that tag (or
   * `cancel(tag)`) cancels this one: it rejects with RequestCancelledError and its reply is dropped.
   */
  async query<K extends AnalysisQuery>(
    type: K,
    params: AnalysisRequests[K]['params'],
    tag?: string,
  ): Promise<AnalysisRequests[K]['result']> {
    const mine = ++this.queries;
    if (tag !== undefined) {
      this.client.cancelTag(tag, 'superseded');
      this.latestTagged.set(tag, mine);
    }
    await this.queue;
    if (tag !== undefined && this.latestTagged.get(tag) !== mine) throw new RequestCancelledError('superseded');
    return this.client.request(type, params, tag === undefined ? {} : { tag });
  }

  /** Drops the query of this tag, waiting or in flight: its answer, however late, is never used. */
  cancel(tag: string): void {
    this.latestTagged.set(tag, ++this.queries);
    this.client.cancelTag(tag);
  }

  /** Queue a sync; requests run in order so the last result always reflects the last state. */
  sync(layers: PlanLayers, profile: RuleProfile): Promise<void> {
    this.lastSync = { layers, profile };
    // Only where it is quick: a city's million points are the worker's to index, not this thread's.
    if (
      !this.countedHere &&
      !this.workerPublished &&
      layers.communities.length > 0 &&
      layers.households.households.length <= 50_000
    ) {
      this.countedHere = true;
      this.countHere(layers, profile);
    }
    this.pending++;
    this.queue = this.queue.then(() => this.run(layers, profile)).finally(() => this.pending--);
    return this.queue;
  }

  private async run(layers: PlanLayers, profile: RuleProfile): Promise<void> {
    let last: AnalysisSnapshot | null = null;
    try {
      // The profile first: it is small, and every count after it is judged by it.
      if (profile !== this.sentProfile) {
        last = this.absorb(await this.client.request('setProfile', { profile: $state.snapshot<RuleProfile>(profile) }));
        this.sentProfile = profile;
      }
      if (layers.households !== this.sentHouseholds) {
        const coordinates = layers.households.coordinates.slice();
        const households = layers.households.households.slice();
        last = this.absorb(
          await this.client.request(
            'setHouseholds',
            { coordinates, households },
            { transfer: [coordinates.buffer, households.buffer] },
          ),
        );
        this.sentHouseholds = layers.households;
      }
      for (const [kind, units] of [
        ['community', layers.communities],
        ['grid', layers.grids],
      ] as const) {
        const before = this.sentUnits[kind];
        if (units === before) continue;
        const diff = before ? diffUnits(before, units) : null;
        if (diff && diff.put.length + diff.deleted.length <= Math.max(8, units.length / 4)) {
          if (diff.put.length || diff.deleted.length)
            last = this.absorb(
              await this.client.request('updateUnits', { kind, put: diff.put, deleted: diff.deleted }),
            );
        } else last = this.absorb(await this.client.request('setUnits', { kind, units }));
        this.sentUnits[kind] = units;
        // The community counts are what the table shows: show them before the slower steps
        // (grids, the walking network, coverage) when any of those is still to come.
        if (
          kind === 'community' &&
          last &&
          (layers.grids !== this.sentUnits.grid ||
            layers.roads !== this.sentRoads ||
            layers.facilities !== this.sentFacilities)
        )
          this.publish(last);
      }
      if (layers.roads !== this.sentRoads) {
        last = this.absorb(await this.client.request('setRoads', { roads: layers.roads }));
        this.sentRoads = layers.roads;
      }
      if (layers.facilities !== this.sentFacilities) {
        last = this.absorb(await this.client.request('setFacilities', { facilities: layers.facilities }));
        this.sentFacilities = layers.facilities;
      }
      if (last) this.publish(last);
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Shows the analysis as of `last` (every snapshot up to it absorbed). */
  private publish(last: AnalysisSnapshot): void {
    this.workerPublished = true;
    const { coverage, ...rest } = last.analysis;
    this.analysis = {
      ...rest,
      ...(coverage ? { coverage: { ...coverage, perCommunity: this.perCommunity ?? {} } } : {}),
      communities: this.communityResults,
      grids: this.gridResults,
    };
    if (this.heldCover !== this.cover) this.cover = this.heldCover;
    this.lastMs = last.ms;
  }
}

/** Units that are new or changed (by reference) and ids that are gone. */
export function diffUnits(
  before: readonly AreaUnit[],
  after: readonly AreaUnit[],
): { put: AreaUnit[]; deleted: string[] } {
  const old = new Map(before.map((u) => [u.id, u]));
  const put: AreaUnit[] = [];
  for (const u of after) {
    if (old.get(u.id) !== u) put.push(u);
    old.delete(u.id);
  }
  return { put, deleted: [...old.keys()] };
}
