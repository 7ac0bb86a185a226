// The rules' flag messages: what each rule code says about a community, grid or the plan.
// {subject} is the display name ("社区 C012（南京东路）"), or the kind of unit when there is none;
// {detail} a facility, a neighbour or a compound; numbers come already formatted.
export const FLAG_MESSAGES = {
  'flag.subject.community': { zh: '社区', en: 'Community' },
  'flag.subject.grid': { zh: '网格', en: 'Grid' },
  'flag.subject.theCommunity': { zh: '社区', en: 'the community' },
  'flag.neighbour': { zh: '相邻社区', en: 'a neighbour' },
  'flag.quoted': { zh: '“{name}”', en: '"{name}"' },
  'flag.size.below-band': {
    zh: '{subject}户数 {measured} 低于规模下限（{band} 户）',
    en: '{subject} has {measured} households, below the band of {band}',
  },
  'flag.size.above-band': {
    zh: '{subject}户数 {measured} 超过规模上限（{band} 户）',
    en: '{subject} has {measured} households, above the band of {band}',
  },
  'flag.size.indivisible-above-band': {
    zh: '{subject}内一个住户点{detail}即有 {measured} 户，超过规模上限 {band} 户：调整社区边界无法使社区达标，须将该小区本身划分为多个社区（或更改社区类型）',
    en: "{subject}: one household point, {detail}, alone holds {measured} households, more than the band's maximum of {band}: no boundary change can bring the community into band — the compound itself must be divided into several communities (or the community type changed)",
  },
  'flag.size.indivisible-above-band.plain': {
    zh: '{subject}内一个住户点即有 {measured} 户，超过规模上限 {band} 户：调整社区边界无法使社区达标，须将该小区本身划分为多个社区（或更改社区类型）',
    en: "{subject}: one household point alone holds {measured} households, more than the band's maximum of {band}: no boundary change can bring the community into band — the compound itself must be divided into several communities (or the community type changed)",
  },
  'flag.grid.below-band': {
    zh: '{subject}户数 {measured} 低于网格规模（{band} 户）',
    en: '{subject} has {measured} households, below the grid band of {band}',
  },
  'flag.grid.above-band': {
    zh: '{subject}户数 {measured} 超过网格规模（{band} 户）',
    en: '{subject} has {measured} households, above the grid band of {band}',
  },
  'flag.plan.unassigned-households': {
    zh: '{measured} 户不属于任何社区',
    en: '{measured} households lie in no community',
  },
  'flag.plan.overlap-households': {
    zh: '{measured} 户同时位于多个社区内（社区重叠）',
    en: '{measured} households lie in more than one community (overlap)',
  },
  'flag.plan.overlap-grid-households': {
    zh: '{measured} 户同时位于多个网格内（网格重叠：{detail}），在每个网格中都被计入',
    en: '{measured} households lie in more than one grid (overlapping grids: {detail}) and are counted in each',
  },
  'flag.plan.overlap-grid-households.plain': {
    zh: '{measured} 户同时位于多个网格内（网格重叠），在每个网格中都被计入',
    en: '{measured} households lie in more than one grid (overlapping grids) and are counted in each',
  },
  'flag.topology.overlap': {
    zh: '{subject}与{detail}重叠（{measured} m²）',
    en: '{subject} overlaps {detail} ({measured} m²)',
  },
  'flag.topology.gap-with-households': {
    zh: '社区之间的空隙内有 {measured} 户',
    en: 'A gap between communities holds {measured} households',
  },
  'flag.topology.multi-part': {
    zh: '{subject}由 {measured} 个互不相连的部分组成',
    en: '{subject} is made of {measured} separate parts',
  },
  'flag.topology.grid-crosses-community': {
    zh: '{subject}跨越社区边界（{detail}）',
    en: '{subject} crosses a community boundary ({detail})',
  },
  'flag.topology.grid-outside-communities': {
    zh: '{subject}不在任何社区内',
    en: '{subject} lies outside every community',
  },
  'flag.topology.grid-crosses-community.plain': {
    zh: '{subject}跨越社区边界',
    en: '{subject} crosses a community boundary',
  },
  'flag.topology.households-outside-grids': {
    zh: '{subject}内有 {measured} 户不在任何网格内',
    en: '{measured} households in {subject} lie in no grid',
  },
  'flag.topology.households-outside-grids.plain': {
    zh: '有 {measured} 户不在任何网格内',
    en: '{measured} households lie in no grid',
  },
  'flag.facility.missing': { zh: '{subject}内缺少{detail}', en: '{subject} has no {detail} inside it' },
  'flag.facility.not-within-reach': {
    zh: '{subject}仅 {measured}% 的住户在 {distance} m 步行范围内可达{detail}',
    en: "Only {measured}% of {subject}'s households reach a {detail} within {distance} m",
  },
  'flag.facility.service-area-small': {
    zh: '{subject}服务用房 {measured} m²，低于标准 {required} m²',
    en: '{subject} has {measured} m² of service space, below the {required} m² required',
  },
  'flag.gridListMore': { zh: '{list} 等 {count} 个网格', en: '{list} and {count} more' },
} as const;
