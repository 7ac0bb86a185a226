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
