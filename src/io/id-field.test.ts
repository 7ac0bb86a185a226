// The default id field: the first unique of id, ID, 编号, 社区编号, code; a repeated one is used only
// when no other is unique (so validation names the repeats); none present: the features' own ids.
import { describe, expect, it } from 'vitest';
import { chooseIdField } from './id-field';

const features = (...props: Record<string, unknown>[]) => props.map((properties) => ({ type: 'Feature', properties }));

describe('chooseIdField', () => {
  it('takes the first usual name whose values are all different', () => {
    expect(chooseIdField(features({ id: 1, 编号: 'A' }, { id: 1, 编号: 'B' }), 'communities')).toBe('编号');
    expect(chooseIdField(features({ 社区编号: 'S1', code: 'x' }, { 社区编号: 'S2', code: 'x' }), 'grids')).toBe(
      '社区编号',
    );
    expect(chooseIdField(features({ ID: 7 }, {}), 'communities')).toBe('ID');
  });

  it('keeps a repeated id when nothing else is unique, and the feature ids when no usual name is there', () => {
    expect(chooseIdField(features({ id: 'C1' }, { id: 'C1' }), 'communities')).toBe('id');
    expect(chooseIdField(features({ name: 'a' }, { name: 'b' }), 'facilities')).toBeNull();
  });
});
