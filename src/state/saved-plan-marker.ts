// A note in localStorage that this browser may hold a saved plan. On a browser's first storage
// access IndexedDB can take a second or more to open; localStorage answers at once. Without the
// note the app shows the demo straight away and checks IndexedDB meanwhile; with it, it waits
// for the saved plan. The note is written before the first save, so it errs towards waiting.
const KEY = 'shequ-planner.saved-plan.v1';

export function markSavedPlan(): void {
  try {
    globalThis.localStorage?.setItem(KEY, '1');
  } catch {
    /* storage refused: the app then always waits for IndexedDB, as it did before */
  }
}

export function savedPlanMarked(): boolean {
  try {
    const storage = globalThis.localStorage;
    // No localStorage at all: assume a saved plan may exist and wait for IndexedDB.
    return storage ? storage.getItem(KEY) !== null : true;
  } catch {
    return true;
  }
}
