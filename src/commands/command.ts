// Every user action on the plan as a command: plain data naming what the person did, turned into
// one EditResult (a transaction to commit, or the reason it cannot be done) against the plan as
// it is. Views build commands and dispatch them (PlanStore.run); only here and in src/core are
// transactions made. Pure TypeScript over src/core, so the same commands run in Node tests.
import type { EditResult } from '../core/edit/edit-result';
import type { PlanLayers } from '../core/transaction';
import { runAreaCommand, type AreaCommand } from './area-commands';
import { runFacilityCommand, type FacilityCommand } from './facility-commands';
import { runPlanCommand, type PlanCommand } from './plan-commands';

export type { EditResult };

/** The language new units are named in ("新社区 D001" or "New community D001"). */
export type NameLanguage = 'zh' | 'en';

export type Command = AreaCommand | FacilityCommand | PlanCommand;

/** What a command reads: the plan as it is now. */
export interface PlanContext {
  layers: PlanLayers;
  title: string;
}

/** The result of `command` on `plan`; never throws, never changes `plan`. */
export function runCommand(plan: PlanContext, command: Command): EditResult {
  switch (command.type) {
    case 'paint':
    case 'community-from-blocks':
    case 'draw-community':
    case 'draw-grid':
    case 'reshape':
    case 'split':
    case 'merge':
    case 'delete-community':
    case 'divide-grids':
    case 'clip-grids':
    case 'lock':
    case 'set-type':
      return runAreaCommand(plan.layers, command);
    case 'add-facility':
    case 'move-facility':
    case 'update-facility':
    case 'delete-facility':
      return runFacilityCommand(plan.layers, command);
    case 'import-layer':
    case 'open-layers':
    case 'remove-layer':
    case 'replace-plan':
    case 'rename-plan':
      return runPlanCommand(plan, command);
  }
}
