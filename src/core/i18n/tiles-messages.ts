// The words of Baidu's basemap: its coordinate system in the settings and what the user is told
// when its tiles cannot be read.
export const TILES_MESSAGES = {
  'tiles.crsBd09': { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
  'tiles.baiduUnreadable': {
    zh: '百度地图瓦片无法读取（{reason}）：底图留空，方案照常显示。可能是没有网络，或百度服务器不允许网页跨域读取瓦片。',
    en: 'Baidu map tiles could not be read ({reason}): the basemap stays empty and the plan is drawn as usual. There may be no network, or Baidu’s servers may not let a web page read their tiles across origins.',
  },
} as const;
