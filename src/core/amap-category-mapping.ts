// Maps AMap (高德) POI types — "大类;中类;小类", several joined by "|" — and names onto the project's
// facility category ids. AMap's medical types are coarse (社区卫生服务中心 sit under 综合医院;卫生院,
// pet clinics under 医疗保健服务), so the name decides where the type alone cannot. Pure: used by the
// demo data build and by the app's importer.

/** Animal care is never a residents' facility, whatever AMap files it under. */
const ANIMAL = /宠物|动物|兽医|兽药|萌宠|猫|犬类|畜牧/;
const PET_TYPE = /动物医疗场所|宠物诊所|兽医站/;
/** Cosmetic medicine would otherwise satisfy a "hospital within reach" rule without serving it. */
const COSMETIC = /整形美容|医疗美容|医美|美容整形|美容医院/;
const HEALTH_CENTRE =
  /社区卫生服务|社会卫生服务|卫生服务(中心|分中心|站|点)|社区卫生中心|社区医疗卫生站|社区医院|卫生站|卫生室|卫生所|医疗服务站|卫生院/;
const CLINIC_NAME = /诊所|门诊部|门诊|卫生室|医务室|齿科|牙科|口腔(?!医院)|中医馆|国医馆|诊疗/;
const HOSPITAL_NAME = /医院|医疗中心|妇幼保健院/;
const NURSERY = /托儿所|托育|早教/;
const METRO_NAME = /\(地铁站\)|（地铁站）|地铁站$/;
const BUS_NAME = /\(公交站\)|（公交站）|公交站$/;

/** File or layer hints that already are a category id (the demo inputs are split by category). */
const HINT_CATEGORIES = new Set(['kindergarten', 'primary-school', 'middle-school', 'metro', 'bus-stop']);

function fromOneType(parts: string[], name: string): string | null {
  const [major = '', middle = '', minor = ''] = parts.map((p) => p.trim());
  if (major === '科教文化服务' && middle === '学校') {
    if (minor === '幼儿园') return NURSERY.test(name) && !/幼儿园/.test(name) ? 'nursery' : 'kindergarten';
    if (minor === '小学') return 'primary-school';
    if (minor === '中学') return 'middle-school';
    return null;
  }
  if (major === '交通设施服务') {
    if (middle === '地铁站') return 'metro';
    if (middle === '公交车站') return 'bus-stop';
    return null;
  }
  if (major === '医疗保健服务') {
    if (middle === '动物医疗场所') return null;
    if (COSMETIC.test(minor)) return null;
    if (middle === '综合医院' && minor === '卫生院') {
      // Shanghai's 社区卫生服务中心 are filed here; so are a few district hospitals named 医院.
      if (HEALTH_CENTRE.test(name)) return 'community-health-centre';
      if (HOSPITAL_NAME.test(name)) return 'hospital';
      return 'community-health-centre';
    }
    if (middle === '综合医院' || middle === '专科医院') {
      if (HEALTH_CENTRE.test(name)) return 'community-health-centre';
      if (HOSPITAL_NAME.test(name)) return 'hospital';
      if (CLINIC_NAME.test(name)) return 'clinic';
      return 'hospital';
    }
    if (middle === '诊所') return HEALTH_CENTRE.test(name) ? 'community-health-centre' : 'clinic';
    // 急救中心 (ambulance stations), 疾病预防机构 (CDC), 医药保健销售店 (pharmacies) serve no catchment.
    return null;
  }
  return null;
}

/**
 * The project category for an AMap POI, or null when it should be dropped (pet and animal care,
 * cosmetic clinics, ambulance stations, disease-control offices, pharmacies, anything unmapped).
 * `fileHint` is used only when the type string is empty, e.g. a file named after its category.
 */
export function categoryFromAmapType(type: string, name: string, fileHint?: string): string | null {
  const n = (name ?? '').trim();
  const t = (type ?? '').trim();
  if (PET_TYPE.test(t)) return null;
  // Name checks only where a medical type (or none) leaves room for doubt: "熊猫幼儿园" stays a kindergarten.
  if ((t === '' || t.includes('医疗保健服务')) && (ANIMAL.test(n) || COSMETIC.test(n))) return null;
  if (t) {
    // The first type is AMap's main one; later ones are tried only when it maps to nothing, so
    // "药房|诊所" still counts as a clinic.
    for (const one of t.split('|')) {
      const category = fromOneType(one.split(';'), n);
      if (category) return category;
    }
    return null;
  }
  if (METRO_NAME.test(n)) return 'metro';
  if (BUS_NAME.test(n)) return 'bus-stop';
  if (/社区卫生服务(中心|站)/.test(n)) return 'community-health-centre';
  if (/幼儿园/.test(n)) return 'kindergarten';
  if (NURSERY.test(n)) return 'nursery';
  const hint = fileHint
    ?.trim()
    .toLowerCase()
    .replace(/\.csv$/, '');
  return hint && HINT_CATEGORIES.has(hint) ? hint : null;
}
