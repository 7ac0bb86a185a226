// Collects problems or warnings up to a cap. A million bad points must not become a million
// message objects, and a person can act on the first fifty; the rest are counted as "and N more".
import type { Problem } from './format';

export const DEFAULT_MAX_PROBLEMS = 50;

export class ProblemList {
  private readonly fileLevel: Problem[] = [];
  private readonly located: Problem[] = [];
  private dropped = 0;

  constructor(private readonly max: number = DEFAULT_MAX_PROBLEMS) {}

  add(where: string, message: string): void {
    // File-level problems explain the others, so they are always kept and listed first.
    if (where === 'file') this.fileLevel.push({ where, message });
    else if (this.fileLevel.length + this.located.length < this.max) this.located.push({ where, message });
    else this.dropped++;
  }

  addAll(problems: readonly Problem[]): void {
    for (const p of problems) this.add(p.where, p.message);
  }

  get count(): number {
    return this.fileLevel.length + this.located.length + this.dropped;
  }

  /** File-level first, then by position in the file; capped, with an "and N more" line. */
  toArray(): Problem[] {
    const located = [...this.located].sort((a, b) => positionOf(a.where) - positionOf(b.where));
    let list = [...this.fileLevel, ...located];
    let more = this.dropped;
    if (list.length > this.max) {
      more += list.length - this.max;
      list = list.slice(0, this.max);
    }
    if (more > 0) list.push({ where: 'file', message: `and ${formatCount(more)} more not listed` });
    return list;
  }
}

function positionOf(where: string): number {
  const m = /\d+/.exec(where);
  return m ? Number(m[0]) : 0;
}

/** 12345 → "12,345": counts read better with separators in messages. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Quotes a value from the file for a message, shortened so a huge string can't flood the UI. */
export function quote(value: unknown, maxLength = 40): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value !== 'object' || value === null)
    s = String(value); // NaN, not JSON's "null"
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      // Nested too deep to stringify (a hostile file); a shape is enough for a message.
      s = Array.isArray(value) ? '[…]' : '{…}';
    }
  }
  if (s.length > maxLength) s = `${s.slice(0, maxLength)}…`;
  return `'${s}'`;
}
