import { describe, expect, it } from 'vitest';
import { districtFromChain, parseCount, readCompounds } from './lianjia';

describe('Lianjia compounds', () => {
  it('parses counts and districts from the listing text', () => {
    expect(parseCount('11927户')).toBe(11927);
    expect(parseCount('99栋')).toBe(99);
    expect(parseCount('暂无数据')).toBeNull();
    expect(parseCount(undefined)).toBeNull();
    expect(districtFromChain('上海房产网>上海小区>静安小区>大宁小区>慧芝湖花园')).toBe('静安');
  });

  it('converts BD-09 to WGS84 and counts compounds sharing one position', () => {
    const shared = '121.452047,31.259769';
    const { compounds, badPosition } = readCompounds({
      b: { plot_name: '平江盛世家园', 经纬度: shared, 房屋总数: '600户' },
      a: { plot_name: '中远两湾城', 经纬度: shared, 房屋总数: '11927户', 建筑年代: '2000年建成 ' },
      c: { plot_name: '无坐标', 经纬度: '' },
    });
    expect(badPosition).toEqual(['c']);
    expect(compounds.map((c) => c.name)).toEqual(['中远两湾城', '平江盛世家园']);
    const [first] = compounds;
    expect(first!.sharedPosition).toBe(2);
    expect(first!.built).toBe('2000年建成');
    // BD-09 sits ~0.011° east / 0.004° north of WGS84 here
    expect(121.452047 - first!.lon).toBeGreaterThan(0.009);
    expect(121.452047 - first!.lon).toBeLessThan(0.013);
    expect(31.259769 - first!.lat).toBeGreaterThan(0.002);
    expect(31.259769 - first!.lat).toBeLessThan(0.006);
  });
});
