// A saved view (a map extent, the layers shown, the scenario or the pair compared, a caption) and
// the check that reads one back from a project file or autosave, where anything may be written.

/** The layers a view can show or hide (settings-store's LayerId). */
export const VIEW_LAYERS = ['communities', 'grids', 'households', 'facilities', 'roads', 'water', 'tiles'] as const;
export type ViewLayer = (typeof VIEW_LAYERS)[number];

export interface SavedView {
  id: string;
  caption: string;
  /** West, south, east, north (WGS84). */
  bbox: [number, number, number, number];
  visible: Partial<Record<ViewLayer, boolean>>;
  /** The scenario shown, by id; with `compare`, the pair compared instead. */
  scenario: string | null;
  compare: { before: string; after: string } | null;
}

/** The layers a view keeps, as they are shown now. */
export function shownLayers(visible: Readonly<Record<ViewLayer, boolean>>): Record<ViewLayer, boolean> {
  return Object.fromEntries(VIEW_LAYERS.map((k) => [k, visible[k]])) as Record<ViewLayer, boolean>;
}

/** At most this many views are read from a file. */
export const MAX_SAVED_VIEWS = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The views in `value` (from a project file or autosave), or null when it is not a list of them. */
export function readSavedViews(value: unknown): SavedView[] | null {
  if (!Array.isArray(value) || value.length > MAX_SAVED_VIEWS) return null;
  const out: SavedView[] = [];
  for (const v of value) {
    if (!isObject(v) || typeof v.id !== 'string' || typeof v.caption !== 'string') return null;
    const b = v.bbox;
    if (!Array.isArray(b) || b.length !== 4 || !b.every((x) => typeof x === 'number' && Number.isFinite(x)))
      return null;
    const [w, s, e, n] = b as number[];
    if (w! < -180 || e! > 180 || s! < -90 || n! > 90 || w! > e! || s! > n!) return null;
    if (!isObject(v.visible) || !Object.values(v.visible).every((x) => typeof x === 'boolean')) return null;
    if (v.scenario !== null && typeof v.scenario !== 'string') return null;
    const c = v.compare;
    if (c !== null && !(isObject(c) && typeof c.before === 'string' && typeof c.after === 'string')) return null;
    out.push({
      id: v.id,
      caption: v.caption,
      bbox: [w!, s!, e!, n!],
      // Only the known layers are taken: a key from a file never becomes a property of ours.
      visible: Object.fromEntries(
        VIEW_LAYERS.filter((k) => Object.hasOwn(v.visible as object, k)).map((k) => [
          k,
          (v.visible as Record<string, boolean>)[k]!,
        ]),
      ),
      scenario: v.scenario,
      compare: c === null ? null : { before: (c as { before: string }).before, after: (c as { after: string }).after },
    });
  }
  return out;
}
