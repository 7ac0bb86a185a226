// User settings kept in localStorage: the online tile source (off by default: the bundled
// basemap works offline), the interface language and which layers are shown.
import type { Language } from '../core/i18n';
import type { Crs } from '../core/model';

export type { Language } from '../core/i18n';

const KEY = 'shequ-planner.settings.v1';
export type LayerId = 'communities' | 'grids' | 'households' | 'facilities' | 'roads' | 'water' | 'labels' | 'tiles';

export interface TileSource {
  /** The XYZ URL template of the base tiles. */
  url: string;
  attribution: string;
  /** Templates drawn over the base tiles (天地图's annotation layer). */
  overlays?: string[];
  /** The tiles' coordinate system; the plan is drawn shifted into it (absent: WGS84). */
  crs?: Crs;
  /** Tiles cut from BD-09 Mercator metres (Baidu's grid), resampled onto Web Mercator (baidu-tiles.ts). */
  grid?: 'bd09mc';
}

export const TILE_PRESETS: { id: string; name: string; source: TileSource; needsKey?: boolean }[] = [
  {
    id: 'osm',
    name: 'OpenStreetMap',
    source: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
  },
  {
    // The w (Web Mercator) series; CGCS2000, which 天地图 uses, is WGS84 to centimetres: no shift.
    id: 'tianditu',
    name: '天地图 (需密钥 tk)',
    needsKey: true,
    source: {
      url: 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk={key}',
      overlays: ['https://t0.tianditu.gov.cn/DataServer?T=cva_w&x={x}&y={y}&l={z}&tk={key}'],
      attribution: '© 天地图 国家地理信息公共服务平台',
    },
  },
  {
    id: 'amap',
    name: '高德地图',
    source: {
      url: 'https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      attribution: '© 高德地图 AutoNavi',
      crs: 'gcj02',
    },
  },
  {
    // Not an XYZ grid: the tiles are resampled onto Web Mercator by the baidu-tiles protocol.
    id: 'baidu',
    name: '百度地图',
    source: {
      url: 'https://maponline{s}.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}&styles=pl&scaler=1&udt=20240101',
      attribution: '© 百度地图',
      crs: 'bd09',
      grid: 'bd09mc',
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
    labels: true,
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
