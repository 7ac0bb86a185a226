import { describe, expect, it } from 'vitest';
import { categoryFromAmapType } from './amap-category-mapping';
import { FACILITY_CATEGORIES } from './facility-categories';

// Type strings and names are real rows from the AMap POI files in the demo inputs.
const cases: [type: string, name: string, expected: string | null][] = [
  ['科教文化服务;学校;幼儿园', '思南路幼儿园', 'kindergarten'],
  ['科教文化服务;学校;小学', '蓬莱路第二小学', 'primary-school'],
  ['科教文化服务;学校;中学', '上海市卢湾高级中学', 'middle-school'],
  ['交通设施服务;地铁站;地铁站', '人民广场(地铁站)', 'metro'],
  ['交通设施服务;公交车站;公交车站相关', '城隍庙(公交站)', 'bus-stop'],
  ['医疗保健服务;综合医院;卫生院', '老西门街道社区卫生服务中心', 'community-health-centre'],
  ['医疗保健服务;综合医院;卫生院', '外滩街道社区卫生中心', 'community-health-centre'],
  ['医疗保健服务;诊所;诊所', '凌云新村社区卫生服务站', 'community-health-centre'],
  ['医疗保健服务;综合医院;卫生院', '古美卫生服务站', 'community-health-centre'],
  ['医疗保健服务;综合医院;卫生院', '上海市北站医院', 'hospital'],
  ['医疗保健服务;综合医院;三级甲等医院', '上海交通大学医学院附属瑞金医院', 'hospital'],
  ['医疗保健服务;综合医院;综合医院', '上海市黄浦区中医医院', 'hospital'],
  ['医疗保健服务;专科医院;眼科医院', '上海市五官科医院', 'hospital'],
  ['医疗保健服务;专科医院;口腔医院', '摩尔齿科', 'clinic'],
  ['医疗保健服务;诊所;诊所', '卞少天私立中医妇科诊所', 'clinic'],
  ['医疗保健服务;医药保健销售店;药房|医疗保健服务;诊所;诊所', '某某大药房诊所', 'clinic'],
  ['医疗保健服务;动物医疗场所;宠物诊所', '安安宠物诊所', null],
  ['医疗保健服务;综合医院;综合医院', '凯特喵猫专科医院', null],
  ['医疗保健服务;综合医院;综合医院', '汉维宠仕高级兽医进修医院', null],
  ['医疗保健服务;专科医院;眼科医院', '芭比堂动物医院眼科中心猫科中心', null],
  ['医疗保健服务;专科医院;整形美容', '智美颜和医疗美容', null],
  ['医疗保健服务;诊所;诊所', '上海丽铂医疗美容门诊部', null],
  ['医疗保健服务;急救中心;急救中心', '上海市医疗急救中心黄浦分站', null],
  ['医疗保健服务;疾病预防机构;疾病预防', '黄浦区疾病预防控制中心', null],
  ['餐饮服务;中餐厅;中餐厅', '小杨生煎', null],
];

describe('categoryFromAmapType', () => {
  it.each(cases)('%s / %s → %s', (type, name, expected) => {
    expect(categoryFromAmapType(type, name)).toBe(expected);
  });

  it('only returns category ids the project defines', () => {
    const ids = new Set(FACILITY_CATEGORIES.map((c) => c.id));
    for (const [type, name] of cases) {
      const c = categoryFromAmapType(type, name);
      if (c !== null) expect(ids.has(c)).toBe(true);
    }
  });

  it('keeps a kindergarten whose name contains an animal', () => {
    expect(categoryFromAmapType('科教文化服务;学校;幼儿园', '小熊猫幼儿园')).toBe('kindergarten');
  });

  it('falls back on the name, then on the file hint, when the type is empty', () => {
    expect(categoryFromAmapType('', '大世界(地铁站)')).toBe('metro');
    expect(categoryFromAmapType('', '某某路站', 'bus-stop')).toBe('bus-stop');
    expect(categoryFromAmapType('', '某某宠物医院', 'hospital')).toBeNull();
    expect(categoryFromAmapType('', '某某', 'hospital')).toBeNull();
  });
});
