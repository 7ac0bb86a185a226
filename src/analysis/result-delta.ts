// Sends per-area results across the worker boundary as changes: the worker remembers what it
// last sent for each community or grid and sends only results that differ, plus the order. At city
// scale an edit then clones a few results instead of every one (1.3 MB of flags per snapshot).
import type { AreaResult } from '../core/model';

export interface ResultDelta {
  /** Every id, in result order. */
  order: string[];
  /** Results that are new or differ from what was last sent. */
  changed: AreaResult[];
}

export class ResultDeltaEncoder {
  private sent = new Map<string, string>();

  encode(results: readonly AreaResult[]): ResultDelta {
    const changed: AreaResult[] = [];
    const next = new Map<string, string>();
    for (const r of results) {
      const signature = JSON.stringify(r);
      next.set(r.id, signature);
      if (this.sent.get(r.id) !== signature) changed.push(r);
    }
    this.sent = next;
    return { order: results.map((r) => r.id), changed };
  }
}

export class ResultDeltaDecoder {
  private known = new Map<string, AreaResult>();

  /** Applies a delta; unchanged results keep their identity, so keyed UI lists redraw only changes. */
  apply(delta: ResultDelta): AreaResult[] {
    for (const r of delta.changed) this.known.set(r.id, r);
    const out = delta.order.map((id) => this.known.get(id)).filter((r): r is AreaResult => r !== undefined);
    if (this.known.size > delta.order.length) {
      const keep = new Set(delta.order);
      for (const id of this.known.keys()) if (!keep.has(id)) this.known.delete(id);
    }
    return out;
  }
}

/** A record (id → value) sent as changes: every key in order, and the values that differ. */
export interface RecordDelta<V> {
  keys: string[];
  changed: Record<string, V>;
}

export class RecordDeltaEncoder<V> {
  private sent = new Map<string, string>();

  encode(record: Readonly<Record<string, V>>): RecordDelta<V> {
    const changed: Record<string, V> = {};
    const next = new Map<string, string>();
    const keys = Object.keys(record);
    for (const key of keys) {
      const signature = JSON.stringify(record[key]);
      next.set(key, signature);
      if (this.sent.get(key) !== signature) changed[key] = record[key]!;
    }
    this.sent = next;
    return { keys, changed };
  }

  reset(): void {
    this.sent.clear();
  }
}

export class RecordDeltaDecoder<V> {
  private known = new Map<string, V>();

  /** The whole record again; unchanged values keep their identity. */
  apply(delta: RecordDelta<V>): Record<string, V> {
    for (const [key, value] of Object.entries(delta.changed)) this.known.set(key, value);
    const out: Record<string, V> = {};
    for (const key of delta.keys) if (this.known.has(key)) out[key] = this.known.get(key)!;
    if (this.known.size > delta.keys.length) {
      const keep = new Set(delta.keys);
      for (const key of this.known.keys()) if (!keep.has(key)) this.known.delete(key);
    }
    return out;
  }
}

/**
 * Per-household cover counts across the worker boundary: the whole array the first time (or when
 * much changed), afterwards only the points whose count changed. An edit at city scale then sends
 * a few thousand entries instead of a million.
 */
export type CoverUpdate = { full: Uint8Array } | { indices: Int32Array; values: Uint8Array };

export class CoverEncoder {
  /** What the receiving side holds. */
  private mirror: Uint8Array | null = null;

  encode(cover: Uint8Array): CoverUpdate {
    const old = this.mirror;
    if (!old || old.length !== cover.length) {
      this.mirror = cover.slice();
      return { full: cover.slice() };
    }
    let changes = 0;
    for (let i = 0; i < cover.length; i++) if (old[i] !== cover[i]) changes++;
    if (changes > cover.length / 8) {
      this.mirror = cover.slice();
      return { full: cover.slice() };
    }
    const indices = new Int32Array(changes);
    const values = new Uint8Array(changes);
    for (let i = 0, k = 0; k < changes; i++)
      if (old[i] !== cover[i]) {
        indices[k] = i;
        values[k++] = cover[i]!;
        old[i] = cover[i]!;
      }
    return { indices, values };
  }

  reset(): void {
    this.mirror = null;
  }
}

/**
 * Applies a cover update to what the receiving side holds. A patch writes into `current` and
 * returns a new view of the same memory, so anything watching the reference sees the change.
 */
export function applyCoverUpdate(current: Uint8Array | null, update: CoverUpdate): Uint8Array {
  if ('full' in update) return update.full;
  if (!current) throw new Error('a cover patch arrived before the full cover');
  const { indices, values } = update;
  for (let k = 0; k < indices.length; k++) current[indices[k]!] = values[k]!;
  return new Uint8Array(current.buffer, current.byteOffset, current.length);
}
