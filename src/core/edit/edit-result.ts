// What every edit returns: a transaction to commit, or the reason it cannot be done, in both
// languages so the view shows it as it is. One shape for every edit, so one write path commits
// them all and one place shows their failures.
import { msg } from '../i18n';
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
  nothingToChange: msg('edit.reason.nothingToChange'),
  selectBlocks: msg('edit.reason.selectBlocks'),
  gridOutside: msg('edit.reason.gridOutside'),
  notFound: msg('edit.reason.notFound'),
  sameCommunity: msg('edit.reason.sameCommunity'),
  notPolygon: msg('edit.reason.notPolygon'),
} as const satisfies Record<string, Message>;

export function lockedReason(name: string): Message {
  return msg('edit.reason.locked', { name });
}
