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
