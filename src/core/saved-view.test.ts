import { describe, expect, it } from 'vitest';
import { readSavedViews, type SavedView } from './saved-view';

const view: SavedView = {
  id: 'v1',
  caption: '现状：南京东路',
  bbox: [121.46, 31.22, 121.49, 31.24],
  visible: { communities: true, households: false },
  scenario: 's1',
  compare: null,
};

describe('saved views read back', () => {
  it('gives back what was written, a comparison pair included', () => {
    const views = [view, { ...view, id: 'v2', scenario: null, compare: { before: 's1', after: 's2' } }];
    expect(readSavedViews(JSON.parse(JSON.stringify(views)))).toEqual(views);
  });

  it('refuses a broken extent, a wrong type and too many views', () => {
    expect(readSavedViews([{ ...view, bbox: [121, 31, 120, 32] }])).toBeNull();
    expect(readSavedViews([{ ...view, bbox: [121, 31, 'x', 32] }])).toBeNull();
    expect(readSavedViews([{ ...view, caption: 3 }])).toBeNull();
    expect(readSavedViews([{ ...view, compare: { before: 's1' } }])).toBeNull();
    expect(readSavedViews({ length: 1 })).toBeNull();
    expect(readSavedViews(Array.from({ length: 501 }, () => view))).toBeNull();
  });

  it('keeps only the known layers of `visible`, so a file’s key never becomes a property of ours', () => {
    const hostile = JSON.parse(
      '[{"id":"v","caption":"","bbox":[0,0,1,1],"visible":{"__proto__":true,"communities":false,"x":true},"scenario":null,"compare":null}]',
    ) as unknown;
    const [read] = readSavedViews(hostile)!;
    expect(read!.visible).toEqual({ communities: false });
    expect(Object.getPrototypeOf(read!.visible)).toBe(Object.prototype);
  });
});
