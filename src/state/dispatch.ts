// How a view dispatches a command: the plan runs and commits it (PlanStore.run), and a refusal is
// shown in the status bar in the interface's language. One place, so every view shows failures
// the same way.
import type { Command, EditResult } from '../commands';
import type { Message } from '../core/model';
import type { AppState } from './app-state.svelte';

/** `quiet`: reasons that are no news to the person (a paint stroke over blocks already in place). */
export function dispatch(app: AppState, command: Command, quiet: readonly Message[] = []): EditResult {
  const result = app.plan.run(command);
  if (!result.ok && !quiet.includes(result.reason)) app.notice = { kind: 'error', text: result.reason[app.language] };
  return result;
}

/**
 * Renames the plan: one undoable step in the active scenario, and the same step in every other
 * scenario that still carries the old name (they were duplicated from it), so the report and the
 * presentation keep one heading whichever scenario is shown.
 */
export function renamePlan(app: AppState, title: string): void {
  const before = app.plan.title;
  if (!dispatch(app, { type: 'rename-plan', title }).ok) return;
  for (const s of app.scenarios.list)
    if (s.plan !== app.plan && s.plan.title === before) s.plan.run({ type: 'rename-plan', title });
}
