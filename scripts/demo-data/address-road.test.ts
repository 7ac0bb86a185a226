import { describe, expect, it } from 'vitest';
import {
  firstRoadName,
  isDirectionVariant,
  placeCompounds,
  RoadNetwork,
  stripAreaPrefix,
  withoutDirection,
  type CompoundToPlace,
  type PlacementOptions,
  type RoadLine,
} from './address-road';

describe('firstRoadName (real Lianjia addresses)', () => {
  it('takes the first road after the "(区 商圈)" prefix, before its lane or house number', () => {
    const cases: [string, string | null][] = [
      ['(普陀中远两湾城)远景路97弄、中潭路100弄（四期）, 远景路97弄，中潭路100弄，中潭路99弄（一期）', '远景路'],
      ['(普陀中远两湾城)中山北路1482号,中山北路1412号', '中山北路'],
      ['(黄浦董家渡)河南南路1001弄（一期）, 河南南路1009弄（一期）, 江阴街34、36号, 河南南路868弄', '河南南路'],
      ['(嘉定嘉定老城)裕民路1000弄, 沪宜公路3853号, 沪宜公路3856号, 沪宜公路3851号', '裕民路'],
      ['(浦东潍坊)潍坊路333弄, 浦东南路1475弄, 潍坊三村', '潍坊路'],
      ['(徐汇华东理工)龙州路1-995号', '龙州路'],
      ['(普陀长寿路)长寿路822弄45支弄', '长寿路'],
      ['(徐汇康健)百花街345弄', '百花街'],
      ['(虹口鲁迅公园)东体育会路75号', '东体育会路'],
      ['(长宁新华路)法华镇路555号', '法华镇路'],
      ['(宝山高境)一二八纪念东路518弄（二期）, 一二八纪念东路519弄（一期）, 一二八纪念东路517号', '一二八纪念东路'],
      ['(浦东南码头)东三里桥路190弄, 浦东南路2380弄, 东三里桥路170弄', '东三里桥路'],
    ];
    for (const [address, road] of cases) expect(firstRoadName(address), address).toBe(road);
  });

  it('skips parts without a road, looks inside brackets and drops administrative prefixes', () => {
    expect(firstRoadName('(杨浦黄兴公园)延吉七村,营口路113弄')).toBe('营口路');
    expect(firstRoadName('(徐汇徐家汇)东安四村（宛平南路727弄）')).toBe('宛平南路');
    expect(firstRoadName('(浦东川沙)上海市浦东新区海霞路685弄')).toBe('海霞路');
  });

  it('gives null when the address names no road', () => {
    expect(firstRoadName('(闵行古美)平南一村, 平南二村')).toBeNull();
    expect(firstRoadName('(浦东世博)上南四村')).toBeNull();
    expect(firstRoadName('(奉贤南桥)亿阳公寓')).toBeNull();
    expect(firstRoadName(null)).toBeNull();
    expect(firstRoadName('')).toBeNull();
  });

  it('strips only the leading area parenthesis', () => {
    expect(stripAreaPrefix('(静安大宁)广延路1188弄（三期）')).toBe('广延路1188弄（三期）');
    expect(stripAreaPrefix('广延路1188弄（三期）')).toBe('广延路1188弄（三期）');
  });

  it('matches direction variants one way only (淮海路 ↔ 淮海中路, never 河南南路 ↔ 河南北路)', () => {
    expect(withoutDirection('淮海中路')).toBe('淮海路');
    expect(withoutDirection('东体育会路')).toBeNull();
    expect(isDirectionVariant('崂山东路', '崂山路')).toBe(true);
    expect(isDirectionVariant('天宝路', '天宝西路')).toBe(true);
    expect(isDirectionVariant('河南南路', '河南北路')).toBe(false);
    expect(isDirectionVariant('河南路', '河路')).toBe(false);
  });
});

describe('placeCompounds', () => {
  // 甲路 runs west–east along y = 0 as two ways that meet at x = 0; blocks lie only north of it.
  const roads: RoadLine[] = [
    {
      name: '甲路',
      coords: [
        [-1000, 0],
        [0, 0],
      ],
    },
    {
      name: '甲路',
      coords: [
        [0, 0],
        [1000, 0],
      ],
    },
    {
      name: '乙乙中路',
      coords: [
        [0, 3000],
        [1000, 3000],
      ],
    },
    {
      name: '丙路',
      coords: [
        [5000, 0],
        [5150, 0],
      ],
    },
    {
      name: '丁路',
      coords: [
        [8000, 0],
        [8100, 0],
        [8100, 500],
      ],
    },
  ];
  const network = new RoadNetwork(roads);
  const northOnly: PlacementOptions = {
    maxDistance: 1500,
    spacing: 100,
    offset: 35,
    inBlock: (_x, y) => y > 0 && y < 3500,
  };
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const positions = (cs: CompoundToPlace[], opts = northOnly) =>
    Object.fromEntries(
      placeCompounds(cs, network, opts).map((p, i) => [cs[i]!.id, [round(p.x), round(p.y), p.source, p.road]]),
    );

  it('spreads compounds of one listed point along the road in id order, 35 m off it on the listed side', () => {
    const store = (id: string): CompoundToPlace => ({ id, x: -60, y: 300, road: '甲路' });
    const got = positions(['H5', 'H2', 'H4', 'H1', 'H3'].map(store));
    expect(got).toEqual({
      H1: [-60, 35, 'address-road', '甲路'],
      H2: [40, 35, 'address-road', '甲路'], // +100 m: walks on across the join at x = 0
      H3: [-160, 35, 'address-road', '甲路'],
      H4: [140, 35, 'address-road', '甲路'],
      H5: [-260, 35, 'address-road', '甲路'],
    });
  });

  it('tries the other side when the side facing the listed point is in no block', () => {
    const south: CompoundToPlace = { id: 'S', x: 500, y: -200, road: '甲路' };
    expect(positions([south]).S).toEqual([500, 35, 'address-road', '甲路']);
    // No block on either side: the side facing the listed point is kept.
    expect(positions([south], { ...northOnly, inBlock: () => false }).S).toEqual([500, -35, 'address-road', '甲路']);
  });

  it('keeps the listed position without a road, or when the road is beyond the search distance', () => {
    const got = positions([
      { id: 'A', x: 10, y: 2000, road: '甲路' },
      { id: 'B', x: 10, y: 20, road: null },
      { id: 'C', x: 10, y: 20, road: '不存在路' },
    ]);
    expect(got).toEqual({
      A: [10, 2000, 'listed', null],
      B: [10, 20, 'listed', null],
      C: [10, 20, 'listed', null],
    });
  });

  it('falls back to a one-direction name variant and reports the road used', () => {
    expect(positions([{ id: 'V', x: 300, y: 3300, road: '乙乙路' }]).V).toEqual([
      300,
      3035,
      'address-road',
      '乙乙中路',
    ]);
  });

  it('skips steps past the road end, then reuses the points on the far side', () => {
    // 丙路 is 150 m long; the listed point is nearest its west end.
    const got = positions(
      ['P1', 'P2', 'P3', 'P4'].map((id) => ({ id, x: 4900, y: 100, road: '丙路' })),
      { ...northOnly, inBlock: () => true },
    );
    expect(got).toEqual({
      P1: [5000, 35, 'address-road', '丙路'],
      P2: [5100, 35, 'address-road', '丙路'],
      P3: [5000, -35, 'address-road', '丙路'],
      P4: [5100, -35, 'address-road', '丙路'],
    });
  });

  it('follows a bend and offsets from the local direction of the road, towards the listed point', () => {
    // 丁路 turns north at x = 8100; 100 m on from x = 8050 is 50 m up the northern leg.
    const got = positions(
      ['Q1', 'Q2'].map((id) => ({ id, x: 8050, y: -200, road: '丁路' })),
      { ...northOnly, inBlock: () => true },
    );
    expect(got.Q1).toEqual([8050, -35, 'address-road', '丁路']);
    expect(got.Q2).toEqual([8065, 50, 'address-road', '丁路']);
  });

  it('is deterministic: the same compounds in any order get the same positions', () => {
    const cs: CompoundToPlace[] = Array.from({ length: 9 }, (_, i) => ({
      id: `K${i}`,
      x: 200,
      y: i % 2 ? 80 : -80,
      road: '甲路',
    }));
    const a = positions(cs);
    const b = positions([...cs].reverse());
    expect(b).toEqual(a);
    const all = Object.values(a).map(([x, y]) => `${x},${y}`);
    expect(new Set(all).size).toBe(all.length);
  });
});
