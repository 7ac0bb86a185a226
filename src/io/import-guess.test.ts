import { describe, expect, it } from 'vitest';
import { guessImport } from './import-guess';

const polygons = { geometryTypes: ['Polygon'], fields: ['id', 'name'], numericFields: [] };
const points = (fields: string[], numericFields: string[] = []) => ({
  geometryTypes: ['Point'],
  fields,
  numericFields,
});

describe('the import dialog guesses', () => {
  it('a polygon file named grids is grids, other polygon files are communities', () => {
    expect(guessImport('grids.geojson', polygons).role).toBe('grids');
    expect(guessImport('data/黄浦区网格.geojson', polygons).role).toBe('grids');
    expect(guessImport('communities.geojson', polygons).role).toBe('communities');
  });

  it('a CSV with a 类别 column and no household count is facilities, with 类别 as the category field', () => {
    const g = guessImport('points.csv', points(['名称', '类别', '经度', '纬度'], ['经度', '纬度']));
    expect(g).toEqual({ role: 'facilities', householdsField: null, categoryField: '类别' });
  });

  it('points with a household count are households, with that field', () => {
    const g = guessImport('points.csv', points(['name', '户数', 'type'], ['户数']));
    expect(g.role).toBe('households');
    expect(g.householdsField).toBe('户数');
  });

  it('no category field is guessed when the file has none', () => {
    expect(guessImport('facilities.geojson', points(['name', 'address'])).categoryField).toBeNull();
    expect(guessImport('facilities.geojson', points(['name', 'address'])).role).toBe('facilities');
  });

  it('prefers a real category column over a generic type, and lines are roads', () => {
    expect(guessImport('poi.csv', points(['type', 'category'])).categoryField).toBe('category');
    expect(guessImport('poi.csv', points(['type'])).categoryField).toBe('type');
    expect(guessImport('x.geojson', { geometryTypes: ['LineString'], fields: [], numericFields: [] }).role).toBe(
      'roads',
    );
  });
});
