import { describe, expect, it } from 'vitest';
import { SavedViewStore } from './saved-views.svelte';

const view = (caption: string) => ({
  caption,
  bbox: [121, 31, 121.1, 31.1] as [number, number, number, number],
  visible: {},
  scenario: null,
  compare: null,
});

describe('the saved view list', () => {
  it('adds, renames, reorders and deletes, keeping ids unique', () => {
    const views = new SavedViewStore();
    const a = views.add(view('a'));
    const b = views.add(view('b'));
    const c = views.add(view('c'));
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    views.rename(b.id, 'B');
    views.move(c.id, -1);
    expect(views.list.map((v) => v.caption)).toEqual(['a', 'c', 'B']);
    views.move(a.id, -1);
    views.move(b.id, 1);
    expect(views.list.map((v) => v.caption)).toEqual(['a', 'c', 'B']);
    views.remove(a.id);
    expect(views.list.map((v) => v.caption)).toEqual(['c', 'B']);
    views.replaceAll([{ ...view('x'), id: 'v2' }]);
    expect(views.add(view('y')).id).not.toBe('v2');
  });
});
