// The plan's one write path: every change is a transaction of changes, and applying it returns
// its inverse. Undo, redo and (later) autosave are built on this alone.
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { AreaUnit, Facility, HouseholdSet, Message } from './model';

/** Layers whose data comes from somewhere that must be credited where it is shown. */
export type CreditedLayer = 'households' | 'communities' | 'grids' | 'facilities' | 'roads' | 'blocks' | 'water';

/**
 * Who to credit for each layer's data ("© OpenStreetMap contributors", "链家 2020"). A layer's
 * credit is replaced with the layer, so an import of one's own households drops the demo's.
 */
export type PlanCredits = Partial<Record<CreditedLayer, Message>>;

export interface PlanLayers {
  communities: AreaUnit[];
  grids: AreaUnit[];
  households: HouseholdSet;
  facilities: Facility[];
  roads: FeatureCollection<LineString | MultiLineString> | null;
  /** Planning units (street blocks); painting assigns them to communities. */
  blocks: AreaUnit[];
  /** Water drawn on the offline basemap, from the data set that brought it (the demo's OSM water). */
  water?: FeatureCollection<Polygon | MultiPolygon> | null;
  /** Credits for the data in the layers; absent means nothing to credit. */
  credits?: PlanCredits;
}

export type UnitLayer = 'communities' | 'grids';
/** Layers whose items change one at a time (put or delete by id), so an edit stores only what it touched. */
export type ItemLayer = UnitLayer | 'facilities';

export type Change =
  | { kind: 'put'; layer: UnitLayer; unit: AreaUnit; /** position for re-inserting a deleted unit */ index?: number }
  | { kind: 'put'; layer: 'facilities'; facility: Facility; index?: number }
  | { kind: 'delete'; layer: ItemLayer; id: string }
  | { kind: 'replace'; layer: 'communities'; value: AreaUnit[] }
  | { kind: 'replace'; layer: 'grids'; value: AreaUnit[] }
  | { kind: 'replace'; layer: 'households'; value: HouseholdSet }
  | { kind: 'replace'; layer: 'facilities'; value: Facility[] }
  | { kind: 'replace'; layer: 'roads'; value: PlanLayers['roads'] }
  | { kind: 'replace'; layer: 'blocks'; value: AreaUnit[] }
  | { kind: 'replace'; layer: 'water'; value: PlanLayers['water'] }
  | { kind: 'replace'; layer: 'credits'; value: PlanLayers['credits'] };

/**
 * What a history entry says. Edits name themselves in both languages so the history reads in the
 * interface's language whichever it was made in; a plain string is kept as it is (plans saved
 * before labels were bilingual, names that need no translation).
 */
export type Label = string | Message;

export function labelText(label: Label, language: 'zh' | 'en'): string {
  return typeof label === 'string' ? label : label[language];
}

export interface Transaction {
  label: Label;
  changes: Change[];
}

/** A put's item, whichever layer it goes to. */
function putItem(change: Extract<Change, { kind: 'put' }>): AreaUnit | Facility {
  return change.layer === 'facilities' ? change.facility : change.unit;
}

/** A put of `item` into `layer`, shaped as that layer's change. */
function putChange(layer: ItemLayer, item: AreaUnit | Facility, index?: number): Change {
  // The item came out of `layer`, so its type matches; TypeScript cannot follow that through the union.
  const change = (
    layer === 'facilities' ? { kind: 'put', layer, facility: item } : { kind: 'put', layer, unit: item }
  ) as Change & { kind: 'put' };
  if (index !== undefined) change.index = index;
  return change;
}

/** Applies a transaction to immutable layers; returns the new layers and the inverse transaction. */
export function applyTransaction(layers: PlanLayers, tx: Transaction): { layers: PlanLayers; inverse: Transaction } {
  let next: PlanLayers = { ...layers };
  const inverse: Change[] = [];
  for (const change of tx.changes) {
    if (change.kind === 'replace') {
      inverse.push({ kind: 'replace', layer: change.layer, value: next[change.layer] } as Change);
      next = { ...next, [change.layer]: change.value };
      continue;
    }
    const list: (AreaUnit | Facility)[] = next[change.layer].slice();
    if (change.kind === 'put') {
      const item = putItem(change);
      const i = list.findIndex((u) => u.id === item.id);
      if (i >= 0) {
        inverse.push(putChange(change.layer, list[i]!));
        list[i] = item;
      } else {
        inverse.push({ kind: 'delete', layer: change.layer, id: item.id });
        const at = change.index !== undefined ? Math.min(change.index, list.length) : list.length;
        list.splice(at, 0, item);
      }
    } else {
      const i = list.findIndex((u) => u.id === change.id);
      if (i < 0) continue;
      inverse.push(putChange(change.layer, list[i]!, i));
      list.splice(i, 1);
    }
    next = { ...next, [change.layer]: list };
  }
  return { layers: next, inverse: { label: tx.label, changes: inverse.reverse() } };
}
