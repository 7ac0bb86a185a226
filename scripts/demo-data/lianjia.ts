// Reads the Lianjia 2020 compound listing (小区, BD-09 coordinates) into typed household points.
// Counts come as text ("11927户", "99栋"), so each is parsed and a compound without a usable
// household count is reported rather than guessed.
import { bd09ToWgs84 } from '../../src/core/coordinates';

export interface LianjiaRecord {
  plot_name?: string;
  地址?: string;
  地址链?: string;
  经纬度?: string;
  建筑年代?: string;
  楼栋总数?: string;
  房屋总数?: string;
}

export interface Compound {
  key: string;
  name: string;
  lon: number;
  lat: number;
  /** null when 房屋总数 has no number in it. */
  households: number | null;
  buildings: number | null;
  built: string | null;
  district: string | null;
  address: string | null;
  /**
   * How many compounds in the source carry exactly this position. The crawl's 经纬度 is the
   * position of the nearest Lianjia store (附近门店), shared by every compound that store lists,
   * so a value above 1 means the point is the store, not the compound.
   */
  sharedPosition: number;
}

/** The first run of digits in a count like "11927户" or "99栋"; null when there is none or it is zero. */
export function parseCount(value: string | undefined): number | null {
  if (!value) return null;
  const m = /(\d+)/.exec(value.replace(/[,，]/g, ''));
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** "上海房产网>上海小区>静安小区>大宁小区>慧芝湖花园" → "静安". */
export function districtFromChain(chain: string | undefined): string | null {
  const part = chain?.split('>')[2]?.trim();
  if (!part) return null;
  return part.replace(/小区$/, '') || null;
}

function text(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** Compounds with a valid position, in key order (code-unit order, so it never depends on the locale). */
export function readCompounds(raw: Record<string, LianjiaRecord>): { compounds: Compound[]; badPosition: string[] } {
  const compounds: Compound[] = [];
  const badPosition: string[] = [];
  const samePosition = new Map<string, number>();
  for (const r of Object.values(raw)) {
    const p = (r.经纬度 ?? '').trim();
    if (p) samePosition.set(p, (samePosition.get(p) ?? 0) + 1);
  }
  const keys = Object.keys(raw).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const r = raw[key]!;
    const [lonText, latText] = (r.经纬度 ?? '').split(',');
    const bdLon = Number(lonText);
    const bdLat = Number(latText);
    if (!lonText || !latText || !Number.isFinite(bdLon) || !Number.isFinite(bdLat)) {
      badPosition.push(key);
      continue;
    }
    const [lon, lat] = bd09ToWgs84(bdLon, bdLat);
    compounds.push({
      key,
      name: text(r.plot_name) ?? key,
      lon,
      lat,
      households: parseCount(r.房屋总数),
      buildings: parseCount(r.楼栋总数),
      built: text(r.建筑年代),
      district: districtFromChain(r.地址链),
      address: text(r.地址),
      sharedPosition: samePosition.get((r.经纬度 ?? '').trim()) ?? 1,
    });
  }
  return { compounds, badPosition };
}
