// The importer's last step for a facility layer: categories spelled otherwise become the
// project's (elderly-care → elderly-service), and the person is told, in one line each, what was
// matched and which categories no rule of the active profile counts. The file's own value stays
// in the facility's properties, so nothing it said is lost.
import { facilityCategory } from '../core/facility-categories';
import { reconcileCategories } from '../core/facility-category-names';
import { msg } from '../core/i18n';
import type { Facility, Message } from '../core/model';
import { FILE, quote, type ProblemList } from './problem-list';

/** Categories listed in one warning before the rest are counted: a hostile file may have 100,000. */
const MAX_LISTED = 10;

/**
 * Rewrites the categories of `facilities` in place (all but those in `skip`, which carry the
 * placeholder for "no category", already warned about) and adds the warnings to `warnings`.
 */
export function reconcileFacilityCategories(
  facilities: Facility[],
  ruleCategories: readonly string[] | undefined,
  warnings: ProblemList,
  skip: ReadonlySet<Facility>,
): void {
  const subject = facilities.filter((f) => !skip.has(f));
  const result = reconcileCategories(
    subject.map((f) => f.category),
    ruleCategories,
  );
  subject.forEach((f, i) => (f.category = result.categories[i]!));
  if (result.mapped.size > 0) {
    const items = [...result.mapped].map(([from, { to, count }]) =>
      msg('io.category.mappedItem', {
        from: quote(from),
        name: facilityCategory(to)?.name ?? to,
        id: to,
        count,
      }),
    );
    warnings.add(FILE, msg('io.category.mapped', { list: listed(items) }));
  }
  if (result.unknown.size === 1) {
    const [[category, count]] = [...result.unknown] as [[string, number]];
    warnings.add(
      FILE,
      count === 1
        ? msg('io.category.unknownSingle', { category: quote(category) })
        : msg('io.category.unknownOne', { category: quote(category), count }),
    );
  } else if (result.unknown.size > 1) {
    const items = [...result.unknown].map(([category, count]) =>
      msg('io.category.unknownItem', { category: quote(category), count }),
    );
    warnings.add(FILE, msg('io.category.unknownMany', { list: listed(items) }));
  }
}

/** Items joined in each language, the first ten and then how many more. */
function listed(items: Message[]): Message {
  const shown = items.slice(0, MAX_LISTED);
  if (items.length > MAX_LISTED) shown.push(msg('io.category.more', { count: items.length - MAX_LISTED }));
  const separator = msg('report.listSeparator');
  return { zh: shown.map((m) => m.zh).join(separator.zh), en: shown.map((m) => m.en).join(separator.en) };
}
