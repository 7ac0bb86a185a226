// The saved views a presenter steps through at a joint meeting, in order (see core/saved-view.ts):
// add, rename, delete, reorder. The project file and autosave keep them with the plan.
import type { SavedView } from '../core/saved-view';

export type { SavedView };

export class SavedViewStore {
  list = $state.raw<SavedView[]>([]);
  #counter = 0;

  add(view: Omit<SavedView, 'id'>): SavedView {
    let id: string;
    do id = `v${++this.#counter}`;
    while (this.list.some((v) => v.id === id));
    const saved = { ...view, id };
    this.list = [...this.list, saved];
    return saved;
  }

  rename(id: string, caption: string): void {
    this.list = this.list.map((v) => (v.id === id ? { ...v, caption } : v));
  }

  remove(id: string): void {
    this.list = this.list.filter((v) => v.id !== id);
  }

  /** Moves a view up (-1) or down (+1) the list; at an end it stays. */
  move(id: string, delta: -1 | 1): void {
    const at = this.list.findIndex((v) => v.id === id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= this.list.length) return;
    const next = [...this.list];
    [next[at], next[to]] = [next[to]!, next[at]!];
    this.list = next;
  }

  replaceAll(views: readonly SavedView[]): void {
    this.list = [...views];
  }
}
