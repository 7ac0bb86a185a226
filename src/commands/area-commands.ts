// Commands on communities, grids and blocks: paint, a community from blocks, draw, reshape,
// split, merge, delete, divide into grids, clip grids, lock and type change. Each finds what it
// names in the plan (a missing one is a reason, not a crash) and hands the work to src/core/edit.
import type { LineString, Polygon } from 'geojson';
import {
  addCommunity,
  addGrid,
  deleteCommunity,
  mergeCommunities,
  nextId,
  reshapeCommunity,
  splitCommunity,
  type OverlapPolicy,
} from '../core/edit/boundary-edits';
import type { GridBand } from '../core/edit/divide-into-grids';
import { EDIT_REASONS, refused, type EditResult } from '../core/edit/edit-result';
import { autoDivideCommunity, clipGridsToCommunity } from '../core/edit/grid-tools';
import { communityFromBlocks, paintBlocks } from '../core/edit/paint-blocks';
import type { AreaUnit, Message } from '../core/model';
import type { PlanLayers } from '../core/transaction';
import type { NameLanguage } from './command';
import { msg, t } from '../core/i18n';

export type AreaCommand =
  /** Moves blocks into a community, or out of every community when target is null. */
  | { type: 'paint'; blockIds: readonly string[]; target: string | null }
  | { type: 'community-from-blocks'; blockIds: readonly string[]; communityType: string; language: NameLanguage }
  | { type: 'draw-community'; polygon: Polygon; policy: OverlapPolicy; communityType: string; language: NameLanguage }
  | { type: 'draw-grid'; polygon: Polygon; policy: OverlapPolicy }
  | { type: 'reshape'; id: string; polygon: Polygon; policy: OverlapPolicy }
  | { type: 'split'; id: string; line: LineString }
  /** Merges community `other` into community `id`, which keeps its id and name. */
  | { type: 'merge'; id: string; other: string }
  | { type: 'delete-community'; id: string }
  | { type: 'divide-grids'; id: string; band: GridBand }
  | { type: 'clip-grids'; id: string }
  | { type: 'lock'; id: string; locked: boolean }
  /** `typeName` is the type's name in both languages, from the active profile, for the history. */
  | { type: 'set-type'; id: string; communityType: string; typeName: Message };

const newCommunityName = (language: NameLanguage) => (id: string) => t(language, 'newCommunityName', { id });

export function runAreaCommand(layers: PlanLayers, command: AreaCommand): EditResult {
  const community = (id: string): AreaUnit | undefined => layers.communities.find((c) => c.id === id);
  const withCommunity = (id: string, edit: (c: AreaUnit) => EditResult): EditResult => {
    const c = community(id);
    return c ? edit(c) : refused(EDIT_REASONS.notFound);
  };
  const blocksById = () => new Map(layers.blocks.map((b) => [b.id, b]));
  switch (command.type) {
    case 'paint':
      return paintBlocks(layers.communities, blocksById(), command.blockIds, command.target);
    case 'community-from-blocks': {
      const id = nextId('N', layers.communities);
      return communityFromBlocks(layers.communities, blocksById(), command.blockIds, {
        id,
        kind: 'community',
        name: newCommunityName(command.language)(id),
        communityType: command.communityType,
        properties: {},
      });
    }
    case 'draw-community':
      return addCommunity(
        command.polygon,
        layers,
        command.policy,
        command.communityType,
        newCommunityName(command.language),
      );
    case 'draw-grid':
      return addGrid(command.polygon, layers, command.policy, (id) => `网格 ${id}`);
    case 'reshape':
      return withCommunity(command.id, (c) => reshapeCommunity(c, command.polygon, layers, command.policy));
    case 'split':
      return withCommunity(command.id, (c) => splitCommunity(c, command.line, layers));
    case 'merge': {
      if (command.id === command.other) return refused(EDIT_REASONS.sameCommunity);
      const b = community(command.other);
      return withCommunity(command.id, (a) =>
        b ? mergeCommunities(a, b, layers.grids) : refused(EDIT_REASONS.notFound),
      );
    }
    case 'delete-community':
      return withCommunity(command.id, (c) => deleteCommunity(c, layers.grids));
    case 'divide-grids':
      return withCommunity(command.id, (c) => autoDivideCommunity(c, layers.grids, layers.households, command.band));
    case 'clip-grids':
      return withCommunity(command.id, (c) => clipGridsToCommunity(c, layers.grids));
    case 'lock':
      return withCommunity(command.id, (c) => ({
        ok: true,
        id: c.id,
        tx: {
          label: command.locked ? msg('edit.label.lock', { name: c.name }) : msg('edit.label.unlock', { name: c.name }),
          changes: [{ kind: 'put', layer: 'communities', unit: { ...c, locked: command.locked } }],
        },
      }));
    case 'set-type':
      return withCommunity(command.id, (c) => ({
        ok: true,
        id: c.id,
        tx: {
          label: msg('edit.label.communityType', { name: c.name, type: command.typeName }),
          changes: [{ kind: 'put', layer: 'communities', unit: { ...c, communityType: command.communityType } }],
        },
      }));
  }
}
