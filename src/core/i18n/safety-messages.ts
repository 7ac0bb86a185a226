// What a person is told when a file is damaged or hostile in a way only a scanner sees (OSM XML
// markup, overlapping polygon parts), and how the command line lists problems and warnings.
export const SAFETY_MESSAGES = {
  'io.osmXml.badCharacter': {
    zh: '{ref} 不是有效字符（XML 字符引用最大为 &#x10FFFF;，且不能是 0 或代理区）——文件已损坏',
    en: '{ref} is not a character (XML character references go up to &#x10FFFF; and exclude 0 and surrogates) — the file is damaged',
  },
  'io.osmXml.attributeWithoutValue': {
    zh: '<{element}> 的属性 {name} 没有值（缺少 =）——文件已损坏',
    en: "attribute {name} of <{element}> has no value (no '=') — the file is damaged",
  },
  'io.osmXml.unclosedTag': {
    zh: '从这里开始的 <{element}> 标签没有以 > 结束——文件是否被截断？',
    en: "the <{element}> tag starting here is never closed with '>' — is the file truncated?",
  },
  'io.osmXml.unclosedQuote': {
    zh: '<{element}> 中从这里开始的带引号属性值没有结束——文件是否被截断？',
    en: 'a quoted attribute value of <{element}> starting here is never closed — is the file truncated?',
  },
  'io.osmXml.unclosedMarkup': {
    zh: '从这里开始的{what}没有结束——文件是否被截断？',
    en: 'the {what} starting here is never closed — is the file truncated?',
  },
  'io.osmXml.what.comment': { zh: '注释 <!-- …', en: 'comment <!-- …' },
  'io.osmXml.what.cdata': { zh: 'CDATA 段', en: 'CDATA section' },
  'io.osmXml.what.instruction': { zh: '处理指令 <? …', en: 'processing instruction <? …' },
  'io.osmXml.what.declaration': { zh: '声明（如 <!DOCTYPE …>）', en: 'declaration (such as <!DOCTYPE …>)' },
  'io.osmXml.strayLessThan': {
    zh: "这里的 '<' 不是标签的开头——文件已损坏",
    en: "a '<' here does not start a tag — the file is damaged",
  },
  'io.osmXml.unclosedWay': {
    zh: '道路 {id}（<way>）从这里开始，但直到文件末尾都没有 </way>——文件是否被截断？',
    en: 'way {id} starts here but is never closed with </way> — is the file truncated?',
  },
  'io.osmXml.wayInWay': {
    zh: '这里开始了新的 <way>，而第 {line} 行的道路 {id} 还没有以 </way> 结束——文件已损坏',
    en: 'a <way> starts here before way {id} (line {line}) is closed with </way> — the file is damaged',
  },
  'io.osmXml.notOsm': {
    zh: '第一个元素是 <{element}>，不是 <osm>——它是 OpenStreetMap XML 吗？',
    en: 'the first element is <{element}>, not <osm> — is it OpenStreetMap XML?',
  },
  'io.osmXml.noElement': {
    zh: '文件中没有任何元素——它是 OpenStreetMap XML 吗？',
    en: 'the file holds no element at all — is it OpenStreetMap XML?',
  },
  'io.count.notWhole': {
    zh: '户数 {value} 不是整数——户数按整户计；这是正确的字段吗？',
    en: 'household count {value} is not a whole number — households are counted whole; is this the right field?',
  },
  'io.partsUnioned': {
    zh: '{name} 的多个部分相互重叠；已合并为它们的并集（重叠处不会被抵消）',
    en: '{name} has parts that overlap; they were merged into their union (overlaps no longer cancel out)',
  },
  'io.partsUnionFailed': {
    zh: '{name} 的多个部分相互重叠，且无法合并（{error}）——请在 GIS 软件中合并后再导入',
    en: '{name} has parts that overlap and could not be merged ({error}) — dissolve them in a GIS and import again',
  },
  'cli.problemsHeader': { zh: '{file}：无法导入：', en: '{file}: cannot be imported:' },
  'cli.warningsHeader': { zh: '{file}：已导入，{count} 条提示：', en: '{file}: imported, {count} warnings:' },
  'cli.warningsHeaderOne': { zh: '{file}：已导入，1 条提示：', en: '{file}: imported, 1 warning:' },
  'cli.andMore': { zh: '……另有 {count} 条未列出', en: '… and {count} more not listed' },
  'cli.error': { zh: '错误', en: 'error' },
  'cli.warning': { zh: '提示', en: 'warning' },
} as const;
