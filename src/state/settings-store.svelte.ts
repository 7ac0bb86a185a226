// User settings kept in localStorage: the online tile source (off by default: the bundled
// basemap works offline), the interface language and which layers are shown.
import type { Language } from '../core/i18n';

export type { Language } from '../core/i18n';

const KEY = 'shequ-planner.settings.v1';
export type LayerId = 'communities' | 'grids' | 'households' | 'facilities' | 'roads' | 'water' | 'tiles';

export interface TileSource {
  url: string;
  attribution: string;
}

export const TILE_PRESETS: { id: string; name: string; source: TileSource; needsKey?: boolean }[] = [
  {
    id: 'osm',
    name: 'OpenStreetMap',
    source: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
  },
  {
    id: 'tianditu',
    name: '天地图 (需密钥 tk)',
    needsKey: true,
    source: {
      url: 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk={key}',
      attribution: '© 天地图 国家地理信息公共服务平台',
    },
  },
];

interface Saved {
  tileSource: TileSource | null;
  language: Language;
  visible: Record<LayerId, boolean>;
}

const DEFAULTS: Saved = {
  tileSource: null,
  language: 'zh',
  visible: {
    communities: true,
    grids: true,
    households: true,
    facilities: true,
    roads: true,
    water: true,
    tiles: true,
  },
};

function read(): Saved {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return DEFAULTS;
    const v = JSON.parse(raw) as Partial<Saved>;
    return { ...DEFAULTS, ...v, visible: { ...DEFAULTS.visible, ...(v.visible ?? {}) } };
  } catch {
    return DEFAULTS;
  }
}

export class SettingsStore {
  tileSource = $state.raw<TileSource | null>(read().tileSource);
  language = $state<Language>(read().language);
  visible = $state<Record<LayerId, boolean>>(read().visible);

  private persist() {
    const saved: Saved = { tileSource: this.tileSource, language: this.language, visible: { ...this.visible } };
    globalThis.localStorage?.setItem(KEY, JSON.stringify(saved));
  }

  setTileSource(source: TileSource | null): void {
    this.tileSource = source;
    this.persist();
  }

  setLanguage(language: Language): void {
    this.language = language;
    this.persist();
  }

  toggle(layer: LayerId, on?: boolean): void {
    this.visible[layer] = on ?? !this.visible[layer];
    this.persist();
  }
}
