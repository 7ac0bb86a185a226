// The project's facility categories. Sources (AMap types, a user's inventory) are mapped onto
// these ids; rule profiles name them in facility requirements. Colours are for the map legend.
import type { Message } from './model';

export interface FacilityCategory {
  id: string;
  name: Message;
  /** RGB for the map and legend. */
  color: [number, number, number];
}

export const FACILITY_CATEGORIES: readonly FacilityCategory[] = [
  { id: 'kindergarten', name: { zh: '幼儿园', en: 'Kindergarten' }, color: [255, 159, 28] },
  { id: 'nursery', name: { zh: '托儿所', en: 'Nursery' }, color: [255, 200, 87] },
  { id: 'primary-school', name: { zh: '小学', en: 'Primary school' }, color: [46, 134, 222] },
  { id: 'middle-school', name: { zh: '中学', en: 'Middle school' }, color: [84, 160, 255] },
  {
    id: 'community-health-centre',
    name: { zh: '社区卫生服务中心/站', en: 'Community health centre' },
    color: [238, 82, 83],
  },
  { id: 'hospital', name: { zh: '医院', en: 'Hospital' }, color: [200, 30, 60] },
  { id: 'clinic', name: { zh: '诊所', en: 'Clinic' }, color: [255, 107, 129] },
  { id: 'metro', name: { zh: '地铁站', en: 'Metro station' }, color: [95, 39, 205] },
  { id: 'bus-stop', name: { zh: '公交站', en: 'Bus stop' }, color: [130, 130, 130] },
  {
    id: 'community-service-station',
    name: { zh: '社区综合服务站', en: 'Community service station' },
    color: [16, 172, 132],
  },
  { id: 'party-committee', name: { zh: '社区党组织', en: 'Community party committee' }, color: [200, 40, 40] },
  { id: 'residents-committee', name: { zh: '居民委员会', en: "Residents' committee" }, color: [29, 209, 161] },
  { id: 'governance-office', name: { zh: '综治办', en: 'Comprehensive governance office' }, color: [87, 101, 116] },
  { id: 'police-office', name: { zh: '警务室', en: 'Police office' }, color: [34, 47, 62] },
  { id: 'culture-room', name: { zh: '文化活动室', en: 'Culture activity room' }, color: [243, 104, 224] },
  { id: 'sports-facility', name: { zh: '体育设施', en: 'Sports facility' }, color: [10, 189, 227] },
  { id: 'elderly-service', name: { zh: '老年服务站', en: 'Elderly service station' }, color: [200, 214, 229] },
  { id: 'market', name: { zh: '菜市场', en: 'Market' }, color: [139, 195, 74] },
];

const BY_ID = new Map(FACILITY_CATEGORIES.map((c) => [c.id, c]));

export function facilityCategory(id: string): FacilityCategory | undefined {
  return BY_ID.get(id);
}

/** Display colour for any category id, including ones from a user's own inventory. */
export function facilityColor(id: string): [number, number, number] {
  const known = BY_ID.get(id);
  if (known) return known.color;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return [60 + (h % 160), 60 + ((h >> 8) % 160), 60 + ((h >> 16) % 160)];
}
