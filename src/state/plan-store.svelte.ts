// The plan as reactive state, with its one write path: `commit(transaction)`, reached from the
// views through `run(command)`. Each commit keeps its inverse so undo and redo walk the history. Layers are held as $state.raw: they are
// replaced, never mutated, so Svelte does not proxy a million coordinates.
import { applyTransaction, type Label, type PlanLayers, type Transaction } from '../core/transaction';

import { EMPTY_LAYERS } from '../core/plan-lifecycle';
import { runCommand, type Command, type EditResult } from '../commands';

export { EMPTY_LAYERS };

export interface HistoryEntry {
  label: Label;
  time: number;
  forward: Transaction;
  inverse: Transaction;
  /** A commit that also renamed the plan (new, demo, open, import): the title before and after. */
  title?: { before: string; after: string };
}

export class PlanStore {
  layers = $state.raw<PlanLayers>(EMPTY_LAYERS);
  /** What the plan is: the demo, an imported file set… shown in the header and the export. */
  title = $state('');
  undoStack = $state.raw<HistoryEntry[]>([]);
  redoStack = $state.raw<HistoryEntry[]>([]);
  version = $state(0);

  /** Replaces everything without history (opening a data set). */
  load(layers: PlanLayers, title: string): void {
    this.layers = layers;
    this.title = title;
    this.undoStack = [];
    this.redoStack = [];
    this.version++;
  }

  /**
   * Adds layers that were still on their way when the plan opened (the rest of the demo), without
   * history: they complete what was opened, they are not an edit. Replaces the plan outright when
   * nothing was done meanwhile.
   */
  complete(layers: PlanLayers, openedVersion: number): void {
    if (this.version === openedVersion) {
      this.load(layers, this.title);
      return;
    }
    const { facilities, roads, blocks, water, credits } = layers;
    const c = this.layers;
    this.layers = {
      ...c,
      facilities: c.facilities.length ? c.facilities : facilities,
      roads: c.roads ?? roads,
      blocks: c.blocks.length ? c.blocks : blocks,
      water: c.water ?? water ?? null,
      credits: { ...credits, ...c.credits },
    };
    this.version++;
  }

  /**
   * Takes the layers every scenario shares from the scenario being left (see scenario-store):
   * without history, since they are the same data, not an edit of this scenario.
   */
  share(shared: Partial<PlanLayers>): void {
    const c = this.layers;
    if ((Object.keys(shared) as (keyof PlanLayers)[]).every((k) => c[k] === shared[k])) return;
    this.layers = { ...c, ...shared };
    this.version++;
  }

  /** Applies an edit with its inverse kept for undo; `title` renames the plan in the same step. */
  commit(tx: Transaction, title?: string): void {
    const { layers, inverse } = applyTransaction(this.layers, tx);
    this.layers = layers;
    const entry: HistoryEntry = { label: tx.label, time: Date.now(), forward: tx, inverse };
    if (title !== undefined && title !== this.title) {
      entry.title = { before: this.title, after: title };
      this.title = title;
    }
    this.undoStack = [...this.undoStack, entry];
    this.redoStack = [];
    this.version++;
  }

  /**
   * Runs a user's command against the plan as it is and commits what it makes, in one history
   * step. A refused command changes nothing; its reason comes back for the view to show.
   */
  run(command: Command): EditResult {
    const result = runCommand(this, command);
    if (result.ok) this.commit(result.tx, result.title);
    return result;
  }

  undo(): boolean {
    const entry = this.undoStack.at(-1);
    if (!entry) return false;
    const { layers } = applyTransaction(this.layers, entry.inverse);
    this.layers = layers;
    if (entry.title) this.title = entry.title.before;
    this.undoStack = this.undoStack.slice(0, -1);
    this.redoStack = [...this.redoStack, entry];
    this.version++;
    return true;
  }

  redo(): boolean {
    const entry = this.redoStack.at(-1);
    if (!entry) return false;
    const { layers, inverse } = applyTransaction(this.layers, entry.forward);
    this.layers = layers;
    if (entry.title) this.title = entry.title.after;
    this.redoStack = this.redoStack.slice(0, -1);
    this.undoStack = [...this.undoStack, { ...entry, inverse }];
    this.version++;
    return true;
  }
}
