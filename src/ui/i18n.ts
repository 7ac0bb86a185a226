// Interface strings in Chinese and English. Rule messages carry their own two languages.
import type { Language } from '../state/settings-store.svelte';
import { formatThousands } from '../core/format-number';

const STRINGS = {
  appTitle: { zh: '社区规划', en: 'Community planner' },
  draftNotice: {
    zh: '演示数据：社区与网格为自动生成的草案，非官方边界',
    en: 'Demo data: communities and grids are a generated draft, not official boundaries',
  },
  import: { zh: '导入', en: 'Import' },
  export: { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  settings: { zh: '设置', en: 'Settings' },
  profile: { zh: '规则', en: 'Rules' },
  layers: { zh: '图层', en: 'Layers' },
  communities: { zh: '社区', en: 'Communities' },
  grids: { zh: '网格', en: 'Grids' },
  households: { zh: '住户点', en: 'Households' },
  facilities: { zh: '设施', en: 'Facilities' },
  roads: { zh: '道路', en: 'Roads' },
  blocks: { zh: '街坊', en: 'Street blocks' },
  householdUnit: { zh: '户', en: 'households' },
  householdColumn: { zh: '户数', en: 'Households' },
  water: { zh: '水系', en: 'Water' },
  tiles: { zh: '在线底图', en: 'Online tiles' },
  legend: { zh: '图例', en: 'Legend' },
  within: { zh: '规模内', en: 'Within band' },
  below: { zh: '低于规模', en: 'Below band' },
  above: { zh: '超过规模', en: 'Above band' },
  unknown: { zh: '未知', en: 'Unknown' },
  unassigned: { zh: '不属于任何社区', en: 'In no community' },
  overlap: { zh: '位于多个社区', en: 'In several communities' },
  summary: { zh: '概况', en: 'Summary' },
  inBand: { zh: '规模达标社区', en: 'Communities in band' },
  compliance: { zh: '达标率', en: 'Compliance rate' },
  outside: { zh: '社区外住户', en: 'Households outside every community' },
  total: { zh: '住户总数', en: 'Total households' },
  name: { zh: '名称', en: 'Name' },
  type: { zh: '类型', en: 'Type' },
  band: { zh: '规模', en: 'Band' },
  flags: { zh: '提示', en: 'Flags' },
  details: { zh: '详情', en: 'Details' },
  close: { zh: '关闭', en: 'Close' },
  cancel: { zh: '取消', en: 'Cancel' },
  role: { zh: '导入为', en: 'Import as' },
  crs: { zh: '坐标系', en: 'Coordinate system' },
  countField: { zh: '户数字段', en: 'Household count field' },
  onePerPoint: { zh: '每个点 1 户', en: 'One household per point' },
  chooseFile: { zh: '选择文件', en: 'Choose file' },
  dropHere: {
    zh: '拖放 GeoJSON、FlatGeobuf 或 CSV 文件到地图上，或',
    en: 'Drop a GeoJSON, FlatGeobuf or CSV file on the map, or',
  },
  importFailed: { zh: '导入失败，现有规划未改变', en: 'Import failed; your plan is unchanged' },
  readingFile: { zh: '正在读取文件', en: 'Reading the file' },
  importingFile: { zh: '正在导入', en: 'Importing' },
  analysing: { zh: '分析中…', en: 'Analysing…' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  save: { zh: '保存', en: 'Save' },
  saveAs: { zh: '另存为我的规则', en: 'Save as my profile' },
  min: { zh: '下限', en: 'Min' },
  max: { zh: '上限', en: 'Max' },
  gridBand: { zh: '网格户数', en: 'Households per grid' },
  source: { zh: '依据', en: 'Source' },
  tileUrl: { zh: '在线瓦片地址（XYZ）', en: 'Online tile URL (XYZ)' },
  offlineBasemap: { zh: '离线底图（内置道路与水系）', en: 'Offline basemap (bundled roads and water)' },
  language: { zh: '语言', en: 'Language' },
  points: { zh: '点数', en: 'Points' },
  noFlags: { zh: '无', en: 'None' },
  planFlags: { zh: '规划提示', en: 'Plan flags' },
} satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof STRINGS;

export function translate(language: Language, key: StringKey): string {
  return STRINGS[key][language];
}

export function formatNumber(n: number): string {
  return formatThousands(n);
}
