// One tab at a time holds the plan. The plan lives in one IndexedDB record, so two tabs editing
// it would overwrite each other (the last write wins). The holder keeps a Web Lock; a second tab
// finds it taken, shows the plan read-only and offers to take over. Taking over asks the holder
// (over a BroadcastChannel) to save what it has and let go, so no edit is lost; a holder that does
// not answer in time (hung) has its lock stolen, and learns so if it ever wakes.
export const PLAN_LOCK = 'shequ-planner:plan';
const CHANNEL = 'shequ-planner:tabs';
const RELEASE_TIMEOUT_MS = 3000;

export type TabRole = 'starting' | 'holder' | 'viewer';

type TabMessage = { type: 'take-over' };

interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

function lockManager(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ?? null;
}

export class TabLock {
  role = $state<TabRole>('starting');
  /** Why this tab only shows the plan: another tab had it first, or took it over. */
  reason = $state<'elsewhere' | 'taken' | null>(null);
  /** Called before this tab lets go (save what is pending, stop saving). */
  beforeRelease: (() => Promise<void>) | null = null;
  /** Called when this tab has lost the plan without being asked (its lock was stolen). */
  onLost: (() => void) | null = null;
  #release: (() => void) | null = null;
  #channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  constructor() {
    if (this.#channel) this.#channel.onmessage = (e: MessageEvent<TabMessage>) => void this.#onMessage(e.data);
  }

  async #onMessage(message: TabMessage): Promise<void> {
    if (message.type !== 'take-over' || this.role !== 'holder') return;
    await this.beforeRelease?.().catch(() => undefined);
    this.role = 'viewer';
    this.reason = 'taken';
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  /** Holds the lock until released; resolves true once held, false when `ifAvailable` found it taken. */
  #request(options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }): Promise<boolean> {
    const locks = lockManager()!;
    return new Promise<boolean>((resolve, reject) => {
      locks
        .request(PLAN_LOCK, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => (this.#release = release));
        })
        .catch((error: unknown) => {
          // Stolen by another tab: the promise of a lock we held rejects with AbortError.
          if (this.role === 'holder') {
            this.role = 'viewer';
            this.reason = 'taken';
            this.#release = null;
            this.onLost?.();
          }
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** Takes the plan if no other tab holds it. Without Web Locks every tab holds it (as before). */
  async start(): Promise<boolean> {
    if (!lockManager()) {
      this.role = 'holder';
      return true;
    }
    const held = await this.#request({ ifAvailable: true });
    this.role = held ? 'holder' : 'viewer';
    this.reason = held ? null : 'elsewhere';
    return held;
  }

  /** Asks the holder to save and let go, then holds the plan here. */
  async takeOver(): Promise<void> {
    if (this.role === 'holder') return;
    this.#channel?.postMessage({ type: 'take-over' } satisfies TabMessage);
    const giveUp = new AbortController();
    const waited = this.#request({ signal: giveUp.signal });
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), RELEASE_TIMEOUT_MS));
    const first = await Promise.race([waited.catch(() => false), timeout]);
    if (first !== true) {
      giveUp.abort();
      await this.#request({ steal: true });
    }
    this.role = 'holder';
    this.reason = null;
  }
}
