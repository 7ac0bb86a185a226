// Commands on the plan as a whole: import a layer (replacing it and its credit), open an exported
// plan's layers, remove a layer, and replace the whole plan (New, Demo, open a project). Each is one
// undoable transaction (see core/plan-lifecycle.ts), and each may rename the plan in the same step.
import type { EditResult } from '../core/edit/edit-result';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import {
  OSM_CREDIT,
  removeLayer,
  replaceLayers,
  replacePlan,
  type DataLayer,
  type LayerReplacement,
} from '../core/plan-lifecycle';
import type { Label, PlanLayers } from '../core/transaction';
import type { PlanContext } from './command';

export type PlanCommand =
  /**
   * An imported file put in place of its layer. `roleName` is the layer's name in both languages
   * for the history; data from OpenStreetMap carries its credit, the user's own data none.
   */
  | { type: 'import-layer'; replacement: LayerReplacement; fileName: string; roleName: Message; osm: boolean }
  /** Layers of an opened plan file, each replacing its layer, under the file's title. */
  | { type: 'open-layers'; replacements: readonly LayerReplacement[]; fileName: string; title: string }
  | { type: 'remove-layer'; layer: DataLayer; label: Label }
  | { type: 'replace-plan'; layers: PlanLayers; label: Label; title: string }
  /** The plan's title (the report's and the presentation's heading), changed as one undoable step. */
  | { type: 'rename-plan'; title: string };

export function runPlanCommand(plan: PlanContext, command: PlanCommand): EditResult {
  switch (command.type) {
    case 'import-layer': {
      const { fileName, roleName } = command;
      const label = msg('edit.label.importLayer', { file: fileName, role: roleName });
      const credit = command.osm ? OSM_CREDIT : null;
      return {
        ok: true,
        // An import into the demo or an untitled plan names the plan after the file.
        title: plan.title && plan.title !== 'demo' ? plan.title : fileName,
        tx: replaceLayers(plan.layers, [command.replacement], credit, label),
      };
    }
    case 'open-layers': {
      const label = msg('edit.label.open', { file: command.fileName });
      return { ok: true, title: command.title, tx: replaceLayers(plan.layers, command.replacements, null, label) };
    }
    case 'remove-layer':
      return { ok: true, tx: removeLayer(plan.layers, command.layer, command.label) };
    case 'replace-plan':
      return { ok: true, title: command.title, tx: replacePlan(plan.layers, command.layers, command.label) };
    case 'rename-plan': {
      const title = command.title.trim();
      if (!title || title === plan.title) return { ok: false, reason: msg('edit.refused.sameTitle') };
      return { ok: true, title, tx: { label: msg('edit.label.renamePlan', { title }), changes: [] } };
    }
  }
}
