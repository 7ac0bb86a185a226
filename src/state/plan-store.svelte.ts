// The plan as reactive state, with its one write path: `commit(transaction)`. Each commit keeps
// its inverse so undo and redo walk the history. Layers are held as $state.raw: they are
// replaced, never mutated, so Svelte does not proxy a million coordinates.
import { applyTransaction, type PlanLayers, type Transaction } from '../core/transaction';

export interface HistoryEntry {
  label: string;
  time: number;
  forward: Transaction;
  inverse: Transaction;
}

export const EMPTY_LAYERS: PlanLayers = {
  communities: [],
  grids: [],
  households: { coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null },
  facilities: [],
  roads: null,
  blocks: [],
};

export class PlanStore {
  layers = $state.raw<PlanLayers>(EMPTY_LAYERS);
  /** What the plan is: the demo, an imported file set… shown in the header and the export. */
  title = $state('');
  undoStack = $state.raw<HistoryEntry[]>([]);
  redoStack = $state.raw<HistoryEntry[]>([]);
  /** The last transaction applied (forward, undo or redo), for listeners that recount incrementally. */
  lastApplied = $state.raw<Transaction | null>(null);
  version = $state(0);

  /** Replaces everything without history (opening a data set). */
  load(layers: PlanLayers, title: string): void {
    this.layers = layers;
    this.title = title;
    this.undoStack = [];
    this.redoStack = [];
    this.lastApplied = null;
    this.version++;
  }

  commit(tx: Transaction): void {
    const { layers, inverse } = applyTransaction(this.layers, tx);
    this.layers = layers;
    this.undoStack = [...this.undoStack, { label: tx.label, time: Date.now(), forward: tx, inverse }];
    this.redoStack = [];
    this.lastApplied = tx;
    this.version++;
  }

  undo(): boolean {
    const entry = this.undoStack.at(-1);
    if (!entry) return false;
    const { layers } = applyTransaction(this.layers, entry.inverse);
    this.layers = layers;
    this.undoStack = this.undoStack.slice(0, -1);
    this.redoStack = [...this.redoStack, entry];
    this.lastApplied = entry.inverse;
    this.version++;
    return true;
  }

  redo(): boolean {
    const entry = this.redoStack.at(-1);
    if (!entry) return false;
    const { layers, inverse } = applyTransaction(this.layers, entry.forward);
    this.layers = layers;
    this.redoStack = this.redoStack.slice(0, -1);
    this.undoStack = [...this.undoStack, { ...entry, inverse }];
    this.lastApplied = entry.forward;
    this.version++;
    return true;
  }
}
