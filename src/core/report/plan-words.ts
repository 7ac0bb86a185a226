// The words the plan tables and the printed report share, in both languages, so a column in the
// spreadsheet and the same column in the report a director reads are named alike.
import { facilityCategory } from '../facility-categories';
import type { BandStatus, Message, Severity } from '../model';

import type { Language } from '../i18n';

export type { Language } from '../i18n';

export const WORDS = {
  sheetCommunities: { zh: '社区', en: 'Communities' },
  sheetGrids: { zh: '网格', en: 'Grids' },
  sheetFlags: { zh: '问题清单', en: 'Flags' },
  sheetCoverage: { zh: '生活圈覆盖', en: 'Coverage' },
  sheetGaps: { zh: '设施缺口', en: 'Facility gaps' },
  id: { zh: '编号', en: 'ID' },
  name: { zh: '名称', en: 'Name' },
  type: { zh: '社区类型', en: 'Community type' },
  households: { zh: '户数', en: 'Households' },
  householdPoints: { zh: '住户点数', en: 'Household points' },
  bandMin: { zh: '规模下限（户）', en: 'Band min' },
  bandMax: { zh: '规模上限（户）', en: 'Band max' },
  band: { zh: '规模标准（户）', en: 'Band' },
  status: { zh: '规模状态', en: 'Band status' },
  distanceToBand: { zh: '距标准（户）', en: 'Distance to band' },
  flagCodes: { zh: '问题代码', en: 'Flag codes' },
  flagMessages: { zh: '问题说明', en: 'Flag messages' },
  flagCount: { zh: '问题数', en: 'Flags' },
  communityId: { zh: '所属社区编号', en: 'Community ID' },
  communityName: { zh: '所属社区', en: 'Community' },
  subjectId: { zh: '对象编号', en: 'Subject ID' },
  subjectName: { zh: '对象', en: 'Subject' },
  code: { zh: '代码', en: 'Code' },
  severity: { zh: '级别', en: 'Severity' },
  message: { zh: '说明', en: 'Message' },
  measured: { zh: '实测值', en: 'Measured' },
  limit: { zh: '限值', en: 'Limit' },
  ruleId: { zh: '规则编号', en: 'Rule ID' },
  document: { zh: '依据文件', en: 'Document' },
  clause: { zh: '条款', en: 'Clause' },
  citation: { zh: '依据', en: 'Rule source' },
  categoryId: { zh: '设施类别代码', en: 'Category ID' },
  category: { zh: '设施类别', en: 'Facility category' },
  distance: { zh: '步行距离（米）', en: 'Distance (m)' },
  tierMinutes: { zh: '生活圈（分钟）', en: 'Living circle (minutes)' },
  shareAll: { zh: '覆盖住户比例', en: 'Share of all households reached' },
  requirementId: { zh: '设施要求', en: 'Requirement' },
  ruleDistance: { zh: '规则距离（米）', en: 'Rule distance (m)' },
  measuredAt: { zh: '测算距离（米）', en: 'Measured at (m)' },
  notReached: { zh: '未覆盖户数', en: 'Households not reached' },
  notReachedShare: { zh: '未覆盖比例', en: 'Share not reached' },
  note: { zh: '备注', en: 'Note' },
  wholePlan: { zh: '全区', en: 'Whole plan' },
  largestTier: { zh: '最大生活圈', en: 'largest living circle' },
} satisfies Record<string, Message>;

export type WordKey = keyof typeof WORDS;

export function word(key: WordKey, language: Language): string {
  return WORDS[key][language];
}

const STATUS: Record<BandStatus, Message> = {
  within: { zh: '符合标准', en: 'Within band' },
  below: { zh: '低于下限', en: 'Below band' },
  above: { zh: '超过上限', en: 'Above band' },
  unknown: { zh: '未知', en: 'Unknown' },
};

export function statusWord(status: BandStatus | undefined, language: Language): string {
  return STATUS[status ?? 'unknown'][language];
}

const SEVERITY: Record<Severity, Message> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

export function severityWord(severity: Severity, language: Language): string {
  return SEVERITY[severity][language];
}

/** A category's display name; a user's own category id is shown as it is. */
export function categoryName(id: string, language: Language): string {
  return facilityCategory(id)?.name[language] ?? id;
}

/** "幼儿园 ≤500 m": the header of a coverage column. */
export function coverageHeader(category: string, distance: number, language: Language): string {
  return `${categoryName(category, language)} ≤${distance} m`;
}
