// What the importer says about the bureau formats (Shapefile parts, zips, images mistaken for
// data) and about coordinate systems: declared, suggested, missing a datum shift.
export const FORMAT_MESSAGES = {
  'io.format.shapefilePart': {
    zh: '{file} 只是 Shapefile 的一部分——请把同名的 .shp、.dbf、.shx、.prj、.cpg 一起拖入或选中（或拖入它们的 zip 压缩包）',
    en: '{file} is only one part of a Shapefile — drop or pick the .shp, .dbf, .shx, .prj and .cpg of the same name together (or their zip)',
  },
  'io.format.missingPart': {
    zh: 'Shapefile {name} 缺少 {part}——请把它与 {given} 一起拖入或选中',
    en: 'the Shapefile {name} is missing its {part} — drop or pick it together with {given}',
  },
  'io.format.severalFiles': {
    zh: '一次只能导入一个文件，或同一个 Shapefile 的各个部分；收到的是 {files}',
    en: 'one file is imported at a time, or the parts of one Shapefile; these were given: {files}',
  },
  'io.format.unknownZip': {
    zh: '{file} 是 zip 压缩包，但其中没有 Shapefile（.shp）、KML 或 Excel 工作簿',
    en: '{file} is a zip archive, but it holds no Shapefile (.shp), KML or Excel workbook',
  },
  'io.format.projectZip': {
    zh: '{file} 是本工具的项目文件——请用“打开”而不是“导入”',
    en: '{file} is a project file of this tool — open it with Open, not Import',
  },
  'io.format.image': {
    zh: '{file} 是 {kind}，不是数据文件——请导入 GeoJSON、Shapefile、GeoPackage、Excel、CSV、KML 或 FlatGeobuf',
    en: '{file} is {kind}, not a data file — import GeoJSON, a Shapefile, GeoPackage, Excel, CSV, KML or FlatGeobuf',
  },
  'io.format.kind.png': { zh: 'PNG 图片', en: 'a PNG image' },
  'io.format.kind.jpeg': { zh: 'JPEG 图片', en: 'a JPEG image' },
  'io.format.kind.gif': { zh: 'GIF 图片', en: 'a GIF image' },
  'io.format.kind.pdf': { zh: 'PDF 文档', en: 'a PDF document' },
  'io.format.kind.tiff': { zh: 'TIFF 图像', en: 'a TIFF image' },
  'io.format.notData': {
    zh: '{file} 不是可导入的数据文件——支持 GeoJSON、Shapefile（zip 或各部分）、GeoPackage、Excel（.xlsx）、CSV、KML/KMZ、GPX、FlatGeobuf',
    en: '{file} is not a data file this tool reads — it reads GeoJSON, Shapefiles (a zip or the parts), GeoPackage, Excel (.xlsx), CSV, KML/KMZ, GPX and FlatGeobuf',
  },
  'io.format.notDataBinary': {
    zh: '{file} 不是可导入的数据文件（看起来是二进制文件）——支持 GeoJSON、Shapefile、GeoPackage、Excel（.xlsx）、CSV、KML/KMZ、GPX、FlatGeobuf',
    en: '{file} is not a data file this tool reads (it looks like a binary file) — it reads GeoJSON, Shapefiles, GeoPackage, Excel (.xlsx), CSV, KML/KMZ, GPX and FlatGeobuf',
  },
  'io.format.pointsTableOnly': {
    zh: '表格（CSV、Excel）只含点，不能导入为{role}——{role}需要{shapes}（GeoJSON、Shapefile、GeoPackage 或 KML）',
    en: 'a table (CSV, Excel) holds points only and cannot be imported as {role} — {role} need {shapes} (GeoJSON, a Shapefile, GeoPackage or KML)',
  },
  'io.format.sheetRead': { zh: '读取了工作表“{sheet}”', en: 'read the sheet "{sheet}"' },
  'io.crs.cannotUse': {
    zh: '无法使用坐标系 {crs}：{reason}——请在坐标系列表中选择，或给出 EPSG 代码或 proj 字符串',
    en: 'the coordinate system {crs} cannot be used: {reason} — choose one from the list, or give an EPSG code or a proj string',
  },
  'io.crs.declaredUnusable': {
    zh: '文件声明的坐标系无法使用（{reason}）——请在坐标系列表中选择',
    en: 'the coordinate system the file declares cannot be used ({reason}) — choose one from the list',
  },
  'io.crs.reason.none': { zh: '没有给出坐标系', en: 'no coordinate system was given' },
  'io.crs.reason.tooLong': {
    zh: '坐标系文本长 {length} 个字符，最多读取 {max} 个',
    en: 'the text is {length} characters long; at most {max} are read',
  },
  'io.crs.reason.unknownCode': {
    zh: '本工具不认识 {code}，请给出它的 proj 字符串或 WKT',
    en: '{code} is not one this tool knows; give its proj string or WKT instead',
  },
  'io.crs.reason.notCrs': {
    zh: '“{text}”不是 EPSG 代码、proj 字符串或 WKT',
    en: '"{text}" is not an EPSG code, a proj string or WKT',
  },
  'io.crs.reason.proj4': { zh: 'proj4 无法读取（{error}）', en: 'proj4 cannot read it ({error})' },
  'io.crs.converted': { zh: '坐标已从 {name} 转换为 WGS84', en: 'coordinates converted from {name} to WGS84' },
  'io.crs.datumShiftMissing': {
    zh: '{name} 没有给出到 WGS84 的七参数（towgs84），坐标只按其椭球转换，可能偏差数十米——如有本地参数，请以 proj 字符串给出（例如 +proj=tmerc … +towgs84=dx,dy,dz,rx,ry,rz,s）',
    en: '{name} comes without a datum shift to WGS84 (towgs84), so positions are converted on its own ellipsoid and may be tens of metres off — if you have the local parameters, give a proj string (e.g. +proj=tmerc … +towgs84=dx,dy,dz,rx,ry,rz,s)',
  },
  'io.crs.suggest': {
    zh: '东坐标如 {easting} 看起来是 {name}（{code}）——要使用它吗？',
    en: 'eastings like {easting} look like {name}, {code} — use it?',
  },
  'io.crs.suggestSwapped': {
    zh: '东坐标如 {easting} 看起来是 {name}（{code}），且北坐标（X）写在前——要使用它吗？',
    en: 'eastings like {easting} look like {name}, {code}, with X as the northing — use it?',
  },
  'io.crs.suggestMercator': {
    zh: '坐标如 {x}, {y} 看起来是 Web 墨卡托（EPSG:3857）——要使用它吗？',
    en: 'coordinates like {x}, {y} look like Web Mercator, EPSG:3857 — use it?',
  },
  'io.crs.projectedNoSystem': {
    zh: '坐标是投影坐标（米），不是经纬度，而文件没有声明坐标系：{suggestion}',
    en: 'the coordinates are projected (metres), not longitude/latitude, and the file names no coordinate system: {suggestion}',
  },
  'io.crs.outOfArea': {
    zh: '有 {count} 个坐标在 {name} 中无法换算为经纬度——坐标系是否选错了？',
    en: '{count} position(s) cannot be converted from {name} to longitude/latitude — is this the right coordinate system?',
  },
  'io.crs.outOfRange': {
    zh: '坐标 {x}, {y} 超出任何坐标系的范围——文件是否已损坏？',
    en: 'the position {x}, {y} is out of range for any coordinate system — is the file damaged?',
  },
  'import.sheet': { zh: '工作表', en: 'Sheet' },
  'import.table': { zh: '图层（表）', en: 'Table' },
  'import.crsSearch': {
    zh: '搜索坐标系：代码或名称（4528、CGCS2000 3度带 40、西安80、Web 墨卡托、UTM 50N），或粘贴 proj 字符串 / WKT',
    en: 'Search coordinate systems by code or name (4528, CGCS2000 3-degree zone 40, Xian 1980, Web Mercator, UTM 50N), or paste a proj string / WKT',
  },
  'import.crsDeclared': { zh: '文件声明的坐标系：{name}', en: 'The file declares {name}' },
  'import.useSuggested': { zh: '使用 {code}', en: 'Use {code}' },
  'import.customCrs': { zh: '自定义：{text}', en: 'Custom: {text}' },
  'import.manyFiles': {
    zh: '{first} 及另外 {count} 个文件（共 {total} 个）',
    en: '{first} and {count} more files ({total} in all)',
  },
} as const;
