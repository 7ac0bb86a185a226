// Commands on facilities: add one where the map was clicked, move, edit (name, category, floor
// area) and delete. Each is one per-item change with its inverse, so a move stores one facility in
// history and autosave, not the whole list.
import { EDIT_REASONS, refused, type EditResult } from '../core/edit/edit-result';
import { facilityCategory } from '../core/facility-categories';
import { msg } from '../core/i18n';
import type { Facility, Message } from '../core/model';
import type { PlanLayers } from '../core/transaction';

/** The fields a person edits in the details panel; floorArea undefined clears it. */
export type FacilityPatch = { name: string } | { category: string } | { floorArea: number | undefined };

export type FacilityCommand =
  | { type: 'add-facility'; category: string; lon: number; lat: number }
  | { type: 'move-facility'; id: string; lon: number; lat: number }
  | { type: 'update-facility'; id: string; patch: FacilityPatch }
  | { type: 'delete-facility'; id: string };

/** Map clicks land at 7 decimals (about a centimetre), as every placed facility always has. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

function put(facility: Facility, label: Message): EditResult {
  return { ok: true, id: facility.id, tx: { label, changes: [{ kind: 'put', layer: 'facilities', facility }] } };
}

function patchLabel(name: string, patch: FacilityPatch): Message {
  if ('name' in patch) return msg('edit.label.renameFacility', { name });
  if ('category' in patch) return msg('edit.label.facilityCategory', { name });
  return msg('edit.label.facilityFloorArea', { name });
}

export function runFacilityCommand(layers: PlanLayers, command: FacilityCommand): EditResult {
  const facilities = layers.facilities;
  if (command.type === 'add-facility') {
    let n = facilities.length + 1;
    while (facilities.some((f) => f.id === `new-${n}`)) n++;
    const name = `${facilityCategory(command.category)?.name.zh ?? command.category}（新增 ${n}）`;
    const facility: Facility = {
      id: `new-${n}`,
      name,
      category: command.category,
      lon: round7(command.lon),
      lat: round7(command.lat),
      properties: { added: true },
    };
    return put(facility, msg('edit.label.addFacility', { name }));
  }
  const facility = facilities.find((f) => f.id === command.id);
  if (!facility) return refused(EDIT_REASONS.notFound);
  switch (command.type) {
    case 'move-facility':
      return put(
        { ...facility, lon: round7(command.lon), lat: round7(command.lat) },
        msg('edit.label.moveFacility', { name: facility.name }),
      );
    case 'update-facility':
      return put({ ...facility, ...command.patch }, patchLabel(facility.name, command.patch));
    case 'delete-facility':
      return {
        ok: true,
        tx: {
          label: msg('edit.label.deleteFacility', { name: facility.name }),
          changes: [{ kind: 'delete', layer: 'facilities', id: facility.id }],
        },
      };
  }
}
