// What every edit returns: a transaction to commit, or the reason it cannot be done, in both
// languages so the view shows it as it is. One shape for every edit, so one write path commits
// them all and one place shows their failures.
import type { Message } from '../model';
import type { Transaction } from '../transaction';

export type EditResult =
  | {
      ok: true;
      tx: Transaction;
      /** The unit or facility the edit made or kept, for the view to select. */
      id?: string;
      /** The plan's new title, when the edit renames it (new, demo, open, import). */
      title?: string;
    }
  | { ok: false; reason: Message };

export function refused(reason: Message): EditResult {
  return { ok: false, reason };
}

/** Reasons shared by several edits; the edits' own geometry reasons live beside them. */
export const EDIT_REASONS = {
  nothingToChange: { zh: '没有需要改动的内容', en: 'nothing to change' },
  selectBlocks: { zh: '请至少选择一个街坊', en: 'select at least one block' },
  gridOutside: { zh: '网格不在所属社区内', en: 'the grid lies outside its community' },
  notFound: { zh: '找不到要编辑的对象（可能已被删除）', en: 'the item to edit no longer exists' },
  sameCommunity: { zh: '不能与自身合并', en: 'a community cannot be merged with itself' },
  notPolygon: { zh: '只能调整单个多边形的边界', en: 'only a single polygon can be reshaped' },
} as const satisfies Record<string, Message>;

export function lockedReason(name: string): Message {
  return { zh: `${name} 已锁定`, en: `${name} is locked` };
}
