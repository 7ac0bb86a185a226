// What the importer says about a file: its problems, its warnings and where in the file they are.
export const IMPORT_MESSAGES = {
  'io.problem': { zh: '{where}：{message}', en: '{where}: {message}' },
  'io.where.file': { zh: '文件', en: 'file' },
  'io.where.feature': { zh: '第 {n} 个要素', en: 'feature {n}' },
  'io.where.line': { zh: '第 {n} 行', en: 'line {n}' },
  'io.where.entry': { zh: '文件内的 {name}', en: '{name}' },
  'io.where.way': { zh: '第 {n} 条道路（OSM way）', en: 'way {n}' },
  'io.where.savedProfile': { zh: '第 {n} 个保存的规则', en: 'saved profile {n}' },
  'io.where.householdPoint': { zh: '第 {n} 个住户点', en: 'household point {n}' },
  'io.where.community': { zh: '第 {n} 个社区', en: 'community {n}' },
  'io.where.grid': { zh: '第 {n} 个网格', en: 'grid {n}' },
  'io.where.block': { zh: '第 {n} 个街坊', en: 'block {n}' },
  'io.where.facility': { zh: '第 {n} 个设施', en: 'facility {n}' },
  'io.where.road': { zh: '第 {n} 条道路', en: 'road {n}' },
  'io.andMore': { zh: '另有 {count} 条未列出', en: 'and {count} more not listed' },
  'io.role.households': { zh: '住户点', en: 'households' },
  'io.role.facilities': { zh: '设施', en: 'facilities' },
  'io.role.communities': { zh: '社区', en: 'communities' },
  'io.role.grids': { zh: '网格', en: 'grids' },
  'io.role.roads': { zh: '道路', en: 'roads' },
  'io.ringsNotChecked': {
    zh: '{count} 个过大或过于复杂的环未做自相交检查——如地图显示异常，请在 GIS 软件中检查',
    en: '{count} very large or complex ring(s) were not checked for self-intersections — check them in a GIS if the map looks wrong',
  },
  'io.everyFeatureIs': { zh: '所有要素都是 {type}，但{advice}', en: 'every feature is a {type}, but {advice}' },
  'io.featuresAre': { zh: '要素类型为 {types}，但{advice}', en: 'the features are {types}, but {advice}' },
  'io.geometryIs': { zh: '几何类型为 {type}，但{advice}', en: 'the geometry is a {type}, but {advice}' },
  'io.advice.pointsNotPolygons': {
    zh: '{role}必须是点：请使用点图层——或者是想导入为社区？',
    en: '{role} must be points: use a point layer — or did you mean to import it as communities?',
  },
  'io.advice.pointsNotLines': {
    zh: '{role}必须是点——或者是想导入为道路？',
    en: '{role} must be points — did you mean to import it as roads?',
  },
  'io.advice.points': {
    zh: '{role}必须是点（Point 或 MultiPoint）',
    en: '{role} must be points (Point or MultiPoint)',
  },
  'io.advice.polygonsNotLines': {
    zh: '{role}必须是面（Polygon 或 MultiPolygon）——如果这些是边界线，请先闭合为面；或者是想导入为道路？',
    en: '{role} must be polygons (Polygon or MultiPolygon) — if these are boundary lines, close them into polygons first, or did you mean to import them as roads?',
  },
  'io.advice.polygons': {
    zh: '{role}必须是面（Polygon 或 MultiPolygon）——或者是想导入为住户点或设施？',
    en: '{role} must be polygons (Polygon or MultiPolygon) — did you mean to import it as households or facilities?',
  },
  'io.advice.linesNotPolygons': {
    zh: '道路必须是线（LineString 或 MultiLineString）——或者是想导入为社区？',
    en: 'roads must be lines (LineString or MultiLineString) — did you mean to import it as communities?',
  },
  'io.advice.lines': {
    zh: '道路必须是线（LineString 或 MultiLineString）——或者是想导入为住户点或设施？',
    en: 'roads must be lines (LineString or MultiLineString) — did you mean to import it as households or facilities?',
  },
  'io.lineTooShort': {
    zh: '{line}只有 {count} 个坐标点——一条线至少需要 2 个',
    en: '{line} has only {count} position — a line needs at least 2',
  },
  'io.theLine': { zh: '该线', en: 'the line' },
  'io.lineN': { zh: '第 {n} 条线', en: 'line {n}' },
  'io.notValidGeojson': { zh: '不是有效的 GeoJSON：{trace}', en: 'not valid GeoJSON: {trace}' },
  'io.notAFeature': {
    zh: '不是 GeoJSON 要素（应为 "type": "Feature" 的对象，实际为 {found}）',
    en: 'not a GeoJSON Feature (expected an object with "type": "Feature", found {found})',
  },
  'io.found.type': { zh: '"type": {type}', en: '"type": {type}' },
  'io.found.objectWithoutType': { zh: '没有 "type" 的对象', en: 'an object without "type"' },
  'io.found.null': { zh: 'null', en: 'null' },
  'io.found.list': { zh: '列表', en: 'a list' },
  'io.found.text': { zh: '文本 {text}', en: 'the text {text}' },
  'io.found.value': { zh: '{type} 值', en: 'a {type}' },
  'io.geometryNull': {
    zh: '几何为空——请为该要素给出位置，或删除它',
    en: 'the geometry is null — give the feature a location or remove it',
  },
  'io.geometryNotObject': { zh: '几何不是对象（实际为 {found}）', en: 'the geometry is not an object (found {found})' },
  'io.geometryCollection': {
    zh: '几何为 GeometryCollection，无法导入——请拆分为每个要素一个几何',
    en: "the geometry is a GeometryCollection, which can't be imported — split it into separate features with one geometry each",
  },
  'io.geometryTypeUnknown': {
    zh: '几何类型 {type} 不是 GeoJSON 几何类型',
    en: 'the geometry type {type} is not a GeoJSON geometry type',
  },
  'io.nesting': {
    zh: '坐标的嵌套层次与几何类型不符',
    en: 'the coordinates are not nested the way the geometry type needs',
  },
  'io.swapped': {
    zh: '所有要素的经纬度都颠倒了：每个坐标的第一个数在 18 到 54 之间、第二个数在 73 到 135 之间，正是经纬度互换后的中国（{at}）——请把经度放在前面后重新导入',
    en: 'longitude and latitude are swapped in every feature: the first number of each position lies between 18 and 54 and the second between 73 and 135, which is China with the axes exchanged ({at}) — put longitude first and import again',
  },
  'io.exampleAt': { zh: '{where}为 {x}, {y}', en: '{where} has {x}, {y}' },
  'io.projected': {
    zh: '坐标看起来是投影坐标（米，如 Web 墨卡托或 CGCS2000 高斯-克吕格），不是经纬度——请先转换为 WGS84（{at}）',
    en: 'coordinates look projected (metres, e.g. Web Mercator or CGCS2000 Gauss-Krüger), not longitude/latitude — reproject to WGS84 first ({at})',
  },
  'io.projectedGuess': { zh: '{at}，看起来是 {guess}', en: '{at}, which looks like {guess}' },
  'io.projectedDeclared': { zh: '{at}；文件自身声明为 {crs}', en: '{at}; the file itself declares {crs}' },
  'io.notInChina': {
    zh: '没有坐标位于中国境内，但文件被声明为 {crs}（仅用于中国地图的偏移坐标）——请检查坐标系；中国境外的 GCJ-02 坐标保持不变',
    en: 'no coordinate lies in China, but the file was declared {crs}, an offset used only for Chinese maps — check the coordinate system; GCJ-02 positions outside China were kept unchanged',
  },
  'io.guess.webMercator': { zh: 'Web 墨卡托（EPSG:3857）', en: 'Web Mercator (EPSG:3857)' },
  'io.guess.gk3': {
    zh: 'CGCS2000 高斯-克吕格 3 度带第 {zone} 带（EPSG:{epsg}）',
    en: 'CGCS2000 3-degree Gauss-Krüger zone {zone} (EPSG:{epsg})',
  },
  'io.guess.gk6': {
    zh: 'CGCS2000 高斯-克吕格 6 度带第 {zone} 带（EPSG:{epsg}）',
    en: 'CGCS2000 6-degree Gauss-Krüger zone {zone} (EPSG:{epsg})',
  },
  'io.guess.noZone': {
    zh: '不带带号的高斯-克吕格或 UTM（东偏 500 km）',
    en: 'Gauss-Krüger or UTM without a zone number (false easting 500 km)',
  },
  'io.guess.northingFirst': {
    zh: '北坐标在前的高斯-克吕格（测量 X/Y）——还需交换两列',
    en: "Gauss-Krüger with northing written first (surveyors' X/Y) — swap the columns too",
  },
  'io.noCoordinates': { zh: '{type} 没有坐标', en: 'the {type} has no coordinates' },
  'io.thePosition': { zh: '该坐标', en: 'the position' },
  'io.positionN': { zh: '第 {n} 个坐标', en: 'position {n}' },
  'io.notAPair': {
    zh: '{label}不是 [经度, 纬度] 数对（实际为 {found}）',
    en: '{label} is not a [longitude, latitude] pair (found {found})',
  },
  'io.tooFewNumbers': {
    zh: '{label}只有 {count} 个数——需要经度和纬度',
    en: '{label} has {count} numbers — it needs longitude and latitude',
  },
  'io.tooFewNumbersOne': {
    zh: '{label}只有 {count} 个数——需要经度和纬度',
    en: '{label} has {count} number — it needs longitude and latitude',
  },
  'io.notANumber': { zh: '{label}含 {value}，不是数字', en: '{label} has {value}, which is not a number' },
  'io.notANumberText': {
    zh: '{label}含 {value}，不是数字（坐标必须是数字，不能是文本）',
    en: '{label} has {value}, which is not a number (coordinates must be numbers, not text)',
  },
  'io.nonFinite': {
    zh: '{label}含非有限数（{value}）——坐标必须是普通数字',
    en: '{label} has a non-finite number ({value}) — a coordinate must be an ordinary number',
  },
  'io.latitudeSwapped': {
    zh: '纬度 {value} 超出范围——经纬度是否颠倒了？',
    en: 'latitude {value} is out of range — are longitude and latitude swapped?',
  },
  'io.latitudeRange': {
    zh: '纬度 {value} 超出范围（应在 -90 到 90 之间）',
    en: 'latitude {value} is out of range (it must be between -90 and 90)',
  },
  'io.longitudeRange': {
    zh: '经度 {value} 超出范围（应在 -180 到 180 之间）',
    en: 'longitude {value} is out of range (it must be between -180 and 180)',
  },
  'io.thePolygon': { zh: '该面', en: 'the polygon' },
  'io.polygonN': { zh: '第 {n} 个面', en: 'polygon {n}' },
  'io.ringN': { zh: '第 {n} 个环', en: 'ring {n}' },
  'io.polygonRingN': { zh: '第 {p} 个面的第 {n} 个环', en: 'polygon {p}, ring {n}' },
  'io.noRings': { zh: '{polygon}没有环', en: '{polygon} has no rings' },
  'io.ringTooShort': {
    zh: '{ring}只有 {count} 个坐标——一个环至少需要 4 个（三个角点，末尾重复第一个点）',
    en: '{ring} has only {count} positions — a ring needs at least 4 (three corners and the first repeated at the end)',
  },
  'io.ringTooShortOne': {
    zh: '{ring}只有 {count} 个坐标——一个环至少需要 4 个（三个角点，末尾重复第一个点）',
    en: '{ring} has only {count} position — a ring needs at least 4 (three corners and the first repeated at the end)',
  },
  'io.ringNotClosed': {
    zh: '{ring}未闭合（首尾坐标不同）',
    en: '{ring} is not closed (first and last positions differ)',
  },
  'io.ringCrosses': {
    zh: '{ring}在经度 {lon}、纬度 {lat} 附近自相交——请在该处重画边界',
    en: '{ring} crosses itself near lon {lon}, lat {lat} — redraw the boundary there',
  },
  'io.countEmpty': { zh: '户数 {field} 为空', en: 'the household count {field} is empty' },
  'io.countFieldNowhere': {
    zh: '没有要素含户数{noun} {field}——现有{nouns}为 {available}',
    en: 'no feature has a {field} {noun} for the household count — the {nouns} are {available}',
  },
  'io.countFieldMissing': { zh: '缺少户数{noun} {field}', en: 'the household count {noun} {field} is missing' },
  'io.noun.property': { zh: '属性', en: 'property' },
  'io.noun.properties': { zh: '属性', en: 'properties' },
  'io.noun.column': { zh: '列', en: 'column' },
  'io.noun.columns': { zh: '列', en: 'columns' },
  'io.none': { zh: '（无）', en: '(none)' },
  'io.idRepeated': { zh: '编号 {id} 与{other}重复', en: 'id {id} is used by {other} too' },
  'io.projectedHere': {
    zh: '坐标看起来是投影坐标（米，如 Web 墨卡托或 CGCS2000 高斯-克吕格），不是经纬度——请先转换为 WGS84',
    en: 'coordinates look projected (metres, e.g. Web Mercator or CGCS2000 Gauss-Krüger), not longitude/latitude — reproject to WGS84 first',
  },
  'io.csv.unclosedQuote': {
    zh: '从这一行开始的带引号的值没有闭合——文件是否被截断，或缺少一个引号？',
    en: 'a quoted value that starts on this line is never closed — is the file truncated, or is a quote missing?',
  },
  'io.fileEmpty': { zh: '文件为空', en: 'the file is empty' },
  'io.csv.binary': {
    zh: '文件看起来是二进制文件而不是 CSV 文本——如果是 Excel 工作簿，请先另存为“CSV UTF-8”',
    en: 'the file looks binary, not CSV text — if it is an Excel workbook, save it as "CSV UTF-8" first',
  },
  'io.csv.noHeader': { zh: '文件没有表头行', en: 'the file has no header line' },
  'io.csv.duplicateColumn': {
    zh: '列名 {name} 出现了两次；第二个已改名为 {renamed}',
    en: 'the column name {name} appears twice; the second one was renamed {renamed}',
  },
  'io.csv.isEmpty': { zh: '{axis}为空', en: '{axis} is empty' },
  'io.csv.notFinite': { zh: '{axis} {value} 不是有限数', en: '{axis} {value} is not a finite number' },
  'io.csv.degrees': {
    zh: '{axis} {value} 是度分格式——请使用十进制度数，如 121.4737',
    en: '{axis} {value} is written in degrees and minutes — use decimal degrees such as 121.4737',
  },
  'io.csv.notNumber': { zh: '{axis} {value} 不是数字', en: '{axis} {value} is not a number' },
  'io.csv.longitude': { zh: '经度', en: 'longitude' },
  'io.csv.latitude': { zh: '纬度', en: 'latitude' },
  'io.csv.headerLooksLikeData': {
    zh: '第一行（{columns}）看起来是数据而不是列名——请加上表头行，如“lon,lat,households”',
    en: 'the first line ({columns}) looks like data, not column names — add a header line such as "lon,lat,households"',
  },
  'io.csv.noSuchLonColumn': {
    zh: '没有用作经度的列 {column}——现有列为 {columns}',
    en: 'there is no column {column} for longitude — the columns are {columns}',
  },
  'io.csv.noLonColumn': {
    zh: '未找到经度列——请将其命名为 lon、lng、longitude、x 或 经度，或在导入对话框中选择（现有列为 {columns}）',
    en: 'no longitude column found — name one lon, lng, longitude, x or 经度, or choose it in the import dialog (the columns are {columns})',
  },
  'io.csv.noSuchLatColumn': {
    zh: '没有用作纬度的列 {column}——现有列为 {columns}',
    en: 'there is no column {column} for latitude — the columns are {columns}',
  },
  'io.csv.noLatColumn': {
    zh: '未找到纬度列——请将其命名为 lat、latitude、y 或 纬度，或在导入对话框中选择（现有列为 {columns}）',
    en: 'no latitude column found — name one lat, latitude, y or 纬度, or choose it in the import dialog (the columns are {columns})',
  },
  'io.csv.sameColumn': {
    zh: '经度和纬度选择了同一列 {column}',
    en: 'the same column {column} was chosen for longitude and latitude',
  },
  'io.csv.tooManyValues': {
    zh: '有 {values} 个值，但表头只有 {columns} 列——某个值中是否有未加引号的{delimiter}？',
    en: '{values} values but the header has {columns} columns — is there an unquoted {delimiter} inside a value?',
  },
  'io.csv.delimiter.tab': { zh: '制表符', en: 'tab' },
  'io.csv.delimiter.semicolon': { zh: '分号', en: 'semicolon' },
  'io.csv.delimiter.comma': { zh: '逗号', en: 'comma' },
  'io.csv.bothEmpty': {
    zh: '经度和纬度为空（列 {lon} 和 {lat}）',
    en: 'longitude and latitude are empty (columns {lon} and {lat})',
  },
  'io.csv.inColumn': { zh: '{message}（列 {column}）', en: '{message} (column {column})' },
  'io.csv.noDataLines': { zh: '文件有表头行但没有数据行', en: 'the file has a header line but no data lines' },
  'io.unsupported.topojson': {
    zh: 'TopoJSON 不能导入——请先转换为 GeoJSON（例如用 mapshaper）',
    en: "TopoJSON can't be imported — convert it to GeoJSON first (for example with mapshaper)",
  },
  'io.unsupported.cad': {
    zh: 'CAD 图纸不能导入——请在 GIS 软件中将图层导出为 GeoJSON',
    en: "CAD drawings can't be imported — export the layer as GeoJSON from a GIS",
  },
  'io.unsupportedFile': { zh: '{file}：{advice}', en: '{file}: {advice}' },
  'io.tooLarge': {
    zh: '文件大小为 {mb} MB；超过 1 GB 的文件不予导入——请拆分（例如按街道）后分别导入',
    en: 'the file is {mb} MB; files over 1 GB are refused — split it (for example by district) and import the parts',
  },
  'io.importerError': {
    zh: '导入程序出错，无法读取该文件（{error}）——请连同文件一起报告此问题',
    en: 'the file could not be read because of an error in the importer ({error}) — please report it with the file',
  },
  'io.osmOnlyRoads': {
    zh: 'OpenStreetMap XML 文件只读取其中的道路，因此只能导入为道路，不能导入为{role}',
    en: 'an OpenStreetMap XML file is read for its roads, so it can be imported as roads, not as {role}',
  },
  'io.csvOnlyPoints': {
    zh: 'CSV 文件只含点，只能导入为住户点或设施，不能导入为{role}——{shapes}请使用 GeoJSON 或 FlatGeobuf',
    en: 'a CSV file holds points, so it can be imported as households or facilities, not as {role} — use GeoJSON or FlatGeobuf for {shapes}',
  },
  'io.shapes.lines': { zh: '线', en: 'lines' },
  'io.shapes.polygons': { zh: '面', en: 'polygons' },
  'io.json.invalid': { zh: '文件不是有效的 JSON：{detail}', en: 'the file is not valid JSON: {detail}' },
  'io.json.at': {
    zh: '位置 {position}（第 {line} 行第 {column} 列）',
    en: 'at position {position} (line {line}, column {column})',
  },
  'io.json.end': {
    zh: '文件不是有效的 JSON：{at}意外结束——文件是否被截断？',
    en: 'the file is not valid JSON: unexpected end {at} — is it truncated?',
  },
  'io.json.lineBreak': {
    zh: '文件不是有效的 JSON：{at}的带引号文本中有换行——JSON 文本值必须在一行内（请写作 \\n）',
    en: 'the file is not valid JSON: a line break inside a quoted text {at} — JSON text values must stay on one line (write \\n instead)',
  },
  'io.json.control': {
    zh: '文件不是有效的 JSON：{at}的带引号文本中有控制字符 U+{code}——文件是否已损坏？',
    en: 'the file is not valid JSON: control character U+{code} inside a quoted text {at} — is the file damaged?',
  },
  'io.json.unexpected': {
    zh: '文件不是有效的 JSON：{at}出现意外的 {shown}',
    en: 'the file is not valid JSON: unexpected {shown} {at}',
  },
  'io.json.nan': {
    zh: '{head}——JSON 中没有 NaN 或 Infinity（Python 的 json.dumps 会写出它们）；请替换为 null 或数字',
    en: "{head} — JSON has no NaN or Infinity (Python's json.dumps writes them); replace them with null or a number",
  },
  'io.json.html': {
    zh: '{head}——这看起来是 HTML 或 XML 页面（下载出错的页面，或 KML？），不是 GeoJSON',
    en: '{head} — this looks like an HTML or XML page (a download error page, or KML?), not GeoJSON',
  },
  'io.json.singleQuotes': {
    zh: '{head}——JSON 的字符串和名称必须用双引号，不能用单引号',
    en: '{head} — JSON strings and names need double quotes, not single quotes',
  },
  'io.json.comments': { zh: '{head}——JSON 不能包含注释', en: '{head} — JSON cannot contain comments' },
  'io.json.trailingComma': {
    zh: '{head}——请删除它前面的逗号（JSON 不允许末尾逗号）',
    en: '{head} — remove the comma before it (JSON allows no trailing commas)',
  },
  'io.json.afterEnd': {
    zh: '{head}，位于 JSON 数据结束之后——是两个文件拼在了一起，还是每行一个要素（GeoJSON Lines）？',
    en: '{head} after the end of the JSON data — are two files joined together, or is it one feature per line (GeoJSON Lines)?',
  },
  'io.geojson.emptyList': {
    zh: '文件是一个空的 JSON 列表——没有可导入的要素',
    en: 'the file is an empty JSON list — there are no features to import',
  },
  'io.geojson.listOf': {
    zh: '文件是 JSON 但不是 GeoJSON：它是 {value} 的列表，不是 FeatureCollection',
    en: 'the file is JSON but not GeoJSON: it is a list of {value}s, not a FeatureCollection',
  },
  'io.geojson.single': {
    zh: '文件是 JSON 但不是 GeoJSON：它只含一个 {value}，不是 FeatureCollection',
    en: 'the file is JSON but not GeoJSON: it holds a single {value}, not a FeatureCollection',
  },
  'io.geojson.noFeaturesList': {
    zh: '文件是 JSON 但不是 GeoJSON：其 FeatureCollection 没有 "features" 列表',
    en: 'the file is JSON but not GeoJSON: its FeatureCollection has no "features" list',
  },
  'io.geojson.noFeatures': {
    zh: '文件没有要素（其 FeatureCollection 的 "features" 列表为空）',
    en: 'the file has no features (its FeatureCollection\'s "features" list is empty)',
  },
  'io.geojson.geometryCollection': {
    zh: '文件是单个 GeometryCollection，无法导入——请将其中的几何另存为 FeatureCollection 的各个要素',
    en: "the file is a single GeometryCollection, which can't be imported — save its geometries as separate features of a FeatureCollection",
  },
  'io.geojson.topojson': {
    zh: '文件是 TopoJSON，不是 GeoJSON——请先转换为 GeoJSON（例如用 mapshaper 或 topojson-client）',
    en: 'the file is TopoJSON, not GeoJSON — convert it to GeoJSON first (for example with mapshaper or topojson-client)',
  },
  'io.geojson.esri': {
    zh: '文件是 Esri JSON（来自 ArcGIS），不是 GeoJSON——请从 ArcGIS 导出为 GeoJSON，或用 GDAL 转换（ogr2ogr -f GeoJSON）',
    en: 'the file is Esri JSON (from ArcGIS), not GeoJSON — export it from ArcGIS as GeoJSON, or convert it with GDAL (ogr2ogr -f GeoJSON)',
  },
  'io.geojson.noType': {
    zh: '文件是 JSON 但不是 GeoJSON：它没有 "type" 成员{has}——应为 FeatureCollection',
    en: 'the file is JSON but not GeoJSON: it has no "type" member{has} — expected a FeatureCollection',
  },
  'io.geojson.wrongType': {
    zh: '文件是 JSON 但不是 GeoJSON：其 "type" 为 {type}{has}——应为 FeatureCollection',
    en: 'the file is JSON but not GeoJSON: its "type" is {type}{has} — expected a FeatureCollection',
  },
  'io.geojson.topLevelNames': { zh: '（其顶层名称为 {names}）', en: ' (its top-level names are {names})' },
  'io.value.object': { zh: '{type} 对象', en: '{type} object' },
  'io.value.plainObject': { zh: '对象', en: 'object' },
  'io.value.list': { zh: '列表', en: 'list' },
  'io.fgb.notFgb': {
    zh: '文件名为 .fgb，但开头不像 FlatGeobuf 文件——是否是改了扩展名的其他格式？',
    en: 'the file is named .fgb but does not start like a FlatGeobuf file — is it another format renamed?',
  },
  'io.fgb.damaged': {
    zh: 'FlatGeobuf 文件已损坏（{detail}）——文件是否被截断或损坏？请重新导出',
    en: 'the FlatGeobuf file is damaged ({detail}) — is it truncated or corrupted? Export it again',
  },
  'io.fgb.noFeatures': { zh: '文件没有要素', en: 'the file has no features' },
  'io.fgb.countMismatch': {
    zh: 'FlatGeobuf 文件已损坏：文件头说有 {declared} 个要素，实际只有 {found} 个——文件是否被截断？请重新导出',
    en: 'the FlatGeobuf file is damaged: its header says {declared} features but it holds {found} — is it truncated? Export it again',
  },
  'io.fgb.damagedNear': {
    zh: 'FlatGeobuf 文件在第 {n} 个要素附近已损坏（{detail}）——文件是否被截断或损坏？请重新导出',
    en: 'the FlatGeobuf file is damaged near feature {n} ({detail}) — is it truncated or corrupted? Export it again',
  },
  'io.fgb.endsInFeature': {
    zh: '文件在一个要素中间结束——文件是否被截断？',
    en: 'the file ends in the middle of a feature — is it truncated?',
  },
  'io.fgb.countFieldBad': {
    zh: '户数字段“{field}”缺失或不是数字',
    en: 'the count field "{field}" is missing or not a number',
  },
  'io.fgb.countNegative': { zh: '户数 {count} 为负数', en: 'the count {count} is negative' },
  'io.cancelled': { zh: '导入已取消', en: 'the import was cancelled' },
  'io.importStopped': {
    zh: '导入中断（{reason}）——文件可能太大，浏览器无法读取；请改用命令行，或把文件分成几部分',
    en: 'the import stopped ({reason}) — the file may be too large for this browser; try the command line or split the file',
  },
  'io.noFeaturesHeld': { zh: '文件不含任何要素', en: 'the file holds no features' },
  'io.text.tooLarge': {
    zh: '文件太大，无法作为文本读取（{mb} MB；{error}）——请拆分文件，或转换为 FlatGeobuf',
    en: 'the file is too large to read as text ({mb} MB; {error}) — split it, or convert it to FlatGeobuf',
  },
  'io.text.gbk': {
    zh: '文件不是 UTF-8 编码，已按中文 GBK/GB18030 读取——如果名称显示为乱码，请将文件另存为 UTF-8 后重新导入',
    en: 'the file is not UTF-8, so it was read as Chinese GBK/GB18030 — if names look garbled, save the file as UTF-8 and import it again',
  },
  'io.text.unknownEncoding': {
    zh: '文件的字节既不是 UTF-8 也不是 GBK/GB18030 文本（第一个错误字节在位置 {at}）——是二进制文件，还是其他编码的文本？请另存为 UTF-8 后重新导入',
    en: "the file's bytes are neither UTF-8 nor GBK/GB18030 text (first bad byte at position {at}) — is it a binary file, or text in another encoding? Save it as UTF-8 and import it again",
  },
  'io.text.damaged': {
    zh: '文件开头像 {encoding} 文本，但含有不符合该编码的字节——文件是否已损坏？',
    en: 'the file starts like {encoding} text but has bytes that are not — is it damaged?',
  },
  'io.count.isEmpty': { zh: '为空', en: 'is empty' },
  'io.count.notNumber': { zh: '户数 {value} 不是数字', en: 'household count {value} is not a number' },
  'io.count.notFinite': { zh: '户数 {value} 不是有限数', en: 'household count {value} is not a finite number' },
  'io.count.negative': { zh: '户数 {value} 为负数', en: 'household count {value} is negative' },
  'io.count.tooLarge': {
    zh: '户数 {value} 超过一个点可能代表的 {max} 户——是否填错了字段？',
    en: 'household count {value} is more than the {max} households one point can stand for — is this the right field?',
  },
  'io.osm.pbfDamaged': { zh: 'OSM PBF 文件已损坏（{detail}）', en: 'the OSM PBF file is damaged ({detail})' },
  'io.osm.neither': {
    zh: 'OSM 文件既不是 OSM PBF 也不是 UTF-8 OSM XML',
    en: 'the OSM file is neither OSM PBF nor UTF-8 OSM XML',
  },
  'io.osm.noOsmElement': {
    zh: '文件开头不是 <osm> 元素——它是 OpenStreetMap XML 吗？',
    en: 'the file does not start with an <osm> element — is it OpenStreetMap XML?',
  },
  'io.osm.noRoads': {
    zh: 'OSM 文件中没有可步行的道路（{ways} 条 way，{nodes} 个节点）——它是道路数据吗？',
    en: 'the OSM file holds no walkable highway ways ({ways} ways, {nodes} nodes) — is it a road extract?',
  },
  'io.osm.missingNodes': {
    zh: '有 {count} 个节点引用在文件中找不到节点（数据范围被截断）；相关道路已缩短',
    en: '{count} node references have no node in the file (the extract is cut); those ways are shortened',
  },
  'io.prop.tooDeep': {
    zh: '属性 {key} 嵌套超过 {depth} 层，已删除',
    en: 'property {key} is nested more than {depth} levels deep and was dropped',
  },
  'io.prop.longName': {
    zh: '一个长达 {length} 个字符的属性名已删除',
    en: 'a property name {length} characters long was dropped',
  },
  'io.prop.longValue': {
    zh: '属性 {key} 长 {length} 个字符；只保留了前 {kept} 个',
    en: 'property {key} is {length} characters long; only the first {kept} were kept',
  },
  'io.prop.markup': {
    zh: '名称 {name} 含有 HTML 标记；按纯文本保留，不作解释',
    en: 'name {name} contains HTML markup; it is kept as plain text, not interpreted',
  },
  'io.multiPointSplit': {
    zh: '{count} 个 MultiPoint 要素已拆分为单点，每个点平分该要素的户数',
    en: "{count} MultiPoint feature(s) were split into their points, each point getting an equal share of the feature's households",
  },
  'io.amapDropped': {
    zh: '{count} 个高德点不是服务设施（宠物医院、医美诊所等），已剔除',
    en: '{count} AMap points are not a service facility (pet clinics, cosmetic clinics…) and were left out',
  },
  'io.amapDroppedOne': {
    zh: '{count} 个高德点不是服务设施（宠物医院、医美诊所等），已剔除',
    en: '{count} AMap point is not a service facility (pet clinics, cosmetic clinics…) and was left out',
  },
  'io.uncategorisedOne': {
    zh: "1 个设施没有 {field} 或 'type' 属性；已归为类别“other”",
    en: "1 facility has no {field} or 'type' property; it was given the category 'other'",
  },
  'io.uncategorised': {
    zh: "{count} 个设施没有 {field} 或 'type' 属性；已归为类别“other”",
    en: "{count} facilities have no {field} or 'type' property; they were given the category 'other'",
  },
  'io.pbf.blobHeader': { zh: 'OSM PBF 文件已损坏：字节 {at} 处的块头损坏', en: 'damaged blob header at byte {at}' },
  'io.pbf.endsInBlock': {
    zh: '文件在一个数据块中间结束——文件是否被截断？',
    en: 'the file ends in the middle of a block — is it truncated?',
  },
  'io.pbf.compression': {
    zh: '该 PBF 使用了 zlib 以外的压缩方式（LZMA/LZ4/ZSTD）——请用 zlib 重新保存，例如 osmium cat in.pbf -o out.pbf',
    en: 'the PBF uses a compression other than zlib (LZMA/LZ4/ZSTD) — re-save it with zlib, e.g. osmium cat in.pbf -o out.pbf',
  },
  'io.pbf.emptyBlock': { zh: '一个 OSM 数据块为空', en: 'an OSM data block is empty' },
  'io.pbf.blockTooBig': {
    zh: '一个 OSM 数据块解压后有 {mb} MB，超过格式规定的 32 MB 上限——文件已损坏或有害，未解压',
    en: 'an OSM data block declares {mb} MB inflated, over the format’s 32 MB limit — the file is damaged or hostile; it was not inflated',
  },
  'io.plan.tooLarge': {
    zh: '文件大小为 {mb} MB；超过 1 GB 的文件不予打开',
    en: 'the file is {mb} MB; files over 1 GB are refused',
  },
  'io.plan.notPlan': {
    zh: '这不是本软件导出的规划（没有 metadata.generator {generator}）——请改为作为图层导入',
    en: 'this is not a plan exported by this app (it has no metadata.generator {generator}) — import it as a layer instead',
  },
  'io.plan.readerError': {
    zh: '读取程序出错，无法打开该规划（{error}）——请连同文件一起报告此问题',
    en: 'the plan could not be opened because of an error in the reader ({error}) — please report it with the file',
  },
  'io.plan.badKind': {
    zh: '其类型 {kind} 不是 community、grid 或 facility——规划是否在本软件之外被修改过？',
    en: 'its kind {kind} is not community, grid or facility — was the plan edited outside the app?',
  },
  'io.plan.countMismatch': {
    zh: '元数据记录有 {said} 个{what}，但文件中有 {found} 个——是否在本软件之外被修改过？',
    en: 'the metadata says {said} {what} but the file holds {found} — was it edited outside the app?',
  },
  'io.plan.fgbNotPlan': {
    zh: '该 FlatGeobuf 不是本软件导出的规划（文件头中没有规划元数据）——请改为作为图层导入',
    en: 'this FlatGeobuf is not a plan exported by this app (its header has no plan metadata) — import it as a layer instead',
  },
  'io.project.titleMissing': { zh: '标题缺失或不是文本', en: 'the title is missing or not text' },
  'io.project.savedAtMissing': { zh: '保存时间缺失或不是文本', en: 'the save time is missing or not text' },
  'io.project.settingsMissing': { zh: '设置缺失或不是对象', en: 'the settings are missing or not an object' },
  'io.project.metaNotObject': { zh: 'meta 成员不是对象', en: 'the meta member is not an object' },
  'io.project.layersMissing': { zh: '缺少图层', en: 'the layers are missing' },
  'io.project.profileMissing': { zh: '缺少规则配置', en: 'the rule profile is missing' },
  'io.project.activeProfileMissing': {
    zh: '当前规则的编号缺失或不是文本',
    en: 'the active profile id is missing or not text',
  },
  'io.project.savedProfilesNotList': { zh: '保存的规则不是列表', en: 'the saved profiles are not a list' },
  'io.project.notAUnit': { zh: '不是一个单元', en: 'is not a unit' },
  'io.project.noId': { zh: '没有编号', en: 'has no id' },
  'io.project.noName': { zh: '没有名称', en: 'has no name' },
  'io.project.noProperties': { zh: '没有属性对象', en: 'has no properties object' },
  'io.project.blockIdsNotList': { zh: '其街坊编号不是文本列表', en: 'its block ids are not a list of text' },
  'io.project.lockedNotBoolean': { zh: '其锁定标记不是 true 或 false', en: 'its locked flag is not true or false' },
  'io.project.notPolygon': {
    zh: '其几何不是 Polygon 或 MultiPolygon',
    en: 'its geometry is not a Polygon or MultiPolygon',
  },
  'io.project.noCoordinates': { zh: '其几何没有坐标', en: 'its geometry has no coordinates' },
  'io.project.polygonWithoutRings': { zh: '其几何含有没有环的面', en: 'its geometry has a polygon without rings' },
  'io.project.facilitiesNotList': { zh: '设施不是列表', en: 'the facilities are not a list' },
  'io.project.notAFacility': { zh: '不是一个设施', en: 'is not a facility' },
  'io.project.noNameOrCategory': { zh: '没有名称或类别', en: 'has no name or category' },
  'io.project.notPoint': { zh: '其几何不是 Point', en: 'its geometry is not a Point' },
  'io.project.sourceTypeNotText': { zh: '其来源类型不是文本', en: 'its source type is not text' },
  'io.project.roadsNotCollection': { zh: '道路不是 FeatureCollection', en: 'the roads are not a FeatureCollection' },
  'io.project.roadNotFeature': { zh: '不是带几何和属性的要素', en: 'is not a feature with a geometry and properties' },
  'io.project.notLine': {
    zh: '其几何不是 LineString 或 MultiLineString',
    en: 'its geometry is not a LineString or MultiLineString',
  },
  'io.project.householdsMissing': { zh: '缺少住户点图层', en: 'the household layer is missing' },
  'io.project.householdBytes': {
    zh: '住户点数据不是整数个 8 字节数值——文件已损坏',
    en: 'a household entry is not a whole number of 8-byte numbers — the file is damaged',
  },
  'io.project.entryTwice': {
    zh: '压缩包中此条目出现了两次——文件是否已损坏？',
    en: 'the archive holds this entry twice — is it damaged?',
  },
  'io.project.notShequManifest': {
    zh: '清单描述的不是 shequ 项目',
    en: 'the manifest does not describe a shequ project',
  },
  'io.project.readerError': {
    zh: '读取程序出错，无法读取该项目文件（{error}）——请连同文件一起报告此问题',
    en: 'the project file could not be read because of an error in the reader ({error}) — please report it with the file',
  },
  'io.project.notZip': {
    zh: '该文件不是项目文件（{ext} 文件是 zip 压缩包）',
    en: 'the file is not a project file ({ext} files are zip archives)',
  },
  'io.project.noManifest': {
    zh: '压缩包中没有 {manifest}——它是 zip 文件，但不是项目文件',
    en: 'the archive has no {manifest} — it is a zip, but not a project file',
  },
  'io.project.manifestJson': {
    zh: '清单不是有效的 JSON（{error}）——文件是否已损坏？',
    en: 'the manifest is not valid JSON ({error}) — is the file damaged?',
  },
  'io.project.badVersion': {
    zh: '格式版本 {version} 不是版本号',
    en: 'the format version {version} is not a version number',
  },
  'io.project.newerVersion': {
    zh: '该项目以格式版本 {version} 保存，比本软件能读取的版本（{supported}）新——请更新软件后再打开',
    en: 'the project was saved in format version {version}, newer than this app reads ({supported}) — update the app to open it',
  },
  'io.project.ignoredEntry': {
    zh: '压缩包条目 {name} 不属于项目，已忽略',
    en: 'the archive entry {name} is not part of a project and was ignored',
  },
  'io.project.tooBig': {
    zh: '该条目声明解压后为 {mb} MB，超过{limit}上限——文件已损坏或不是本软件保存的项目',
    en: 'the entry declares {mb} MB uncompressed, over the {limit} limit — the file is damaged or not a project saved by this app',
  },
  'io.project.limitManifest': { zh: ' 256 MB 清单', en: '256 MB manifest' },
  'io.project.limitProject': { zh: ' 1 GB 项目', en: '1 GB project' },
  'io.project.compression': {
    zh: '该条目使用压缩方法 {method}，项目文件从不使用该方法',
    en: 'the entry uses compression method {method}, which project files never use',
  },
  'io.project.tooManyEntries': {
    zh: '压缩包列出了超过 {max} 个条目——它不是项目文件',
    en: 'the archive lists more than {max} entries — it is not a project file',
  },
  'io.project.damaged': {
    zh: '项目文件已损坏（{error}）——文件是否被截断？请重新保存项目',
    en: 'the project file is damaged ({error}) — is it truncated? Save the project again',
  },
  'io.project.inflateMismatch': {
    zh: '该条目解压后为 {got} 字节，而不是声明的 {size} 字节——文件已损坏',
    en: 'the entry inflates to {got} bytes, not the {size} it declares — the file is damaged',
  },
  'io.project.layerNotList': { zh: '{layer}不是列表', en: 'the {layer} are not a list' },
  'io.project.repeatsId': { zh: '重复使用了编号 {id}', en: 'repeats the id {id}' },
  'io.project.wrongKind': { zh: '是 {found}，不是 {kind}', en: 'is a {found}, not a {kind}' },
  'io.project.notText': { zh: '其 {key} 不是文本', en: 'its {key} is not text' },
  'io.project.positionNotPair': {
    zh: '坐标 {position} 不是一对数字',
    en: 'a position {position} is not a pair of numbers',
  },
  'io.project.positionNotLonLat': {
    zh: '坐标 {position} 不是经纬度',
    en: 'the position {position} is not a longitude/latitude',
  },
  'io.project.tooFewPositions': {
    zh: '有一个{what}少于 {minimum} 个坐标',
    en: 'a {what} has fewer than {minimum} positions',
  },
  'io.project.ring': { zh: '环', en: 'ring' },
  'io.project.line': { zh: '线', en: 'line' },
  'io.project.floorArea': {
    zh: '其建筑面积 {area} 不是非负数',
    en: 'its floor area {area} is not a non-negative number',
  },
  'io.project.countNotWhole': {
    zh: '住户点数 {count} 不是整数',
    en: 'the household point count {count} is not a whole number',
  },
  'io.project.lacks': { zh: '压缩包中缺少 {entry}', en: 'the archive lacks {entry}' },
  'io.project.coordinateCount': {
    zh: '{points} 个点有 {coordinates} 个坐标值（清单记录为 {count} 个点）；每个点必须有两个——文件已损坏',
    en: '{coordinates} coordinates for {points} points (the manifest says {count}); there must be two per point — the file is damaged',
  },
  'io.project.pointNotLonLat': {
    zh: '坐标（{lon}, {lat}）不是经纬度',
    en: 'the position ({lon}, {lat}) is not a longitude/latitude',
  },
  'io.project.badCount': {
    zh: '户数 {count} 不是非负数',
    en: 'the household count {count} is not a non-negative number',
  },
  'io.project.entryJson': { zh: '不是有效的 JSON（{error}）', en: 'is not valid JSON ({error})' },
  'io.project.sideListLength': {
    zh: '有 {have} 条记录，对应 {count} 个住户点',
    en: 'holds {have} entries for {count} household points',
  },
  'io.project.noList': { zh: '没有列表', en: 'no list of' },
  'io.project.badEntry': { zh: '第 {n} 条不是{expected}', en: 'entry {n} is not {expected}' },
  'io.project.expectTextOrNull': { zh: '文本或 null', en: 'text or null' },
  'io.project.expectObject': { zh: '对象', en: 'an object' },
  'io.role.blocks': { zh: '街坊', en: 'blocks' },
  'io.failure': { zh: '{file}：{problem}', en: '{file}: {problem}' },
  'io.failureMore': {
    zh: '{file}：{problem}（另有 {count} 个问题）',
    en: '{file}: {problem} (and {count} more problems)',
  },
  'io.failureOneMore': { zh: '{file}：{problem}（另有 1 个问题）', en: '{file}: {problem} (and 1 more problem)' },
  'io.cannotBeImported': { zh: '无法导入', en: 'cannot be imported' },
  'io.cannotBeOpened': { zh: '无法打开', en: 'cannot be opened' },
  'io.browserTooLarge': {
    zh: '{file} 大小为 {gb} GB；浏览器中不能导入超过 1 GB 的文件——请使用命令行或拆分文件',
    en: '{file} is {gb} GB; files over 1 GB cannot be imported in the browser — use the command line or split the file',
  },
  'io.shapefile.dbfTooShort': {
    zh: '属性表（.dbf）太短，不是属性表',
    en: 'the attribute table (.dbf) is too short to be one',
  },
  'io.shapefile.dbfTooLarge': {
    zh: '属性表有 {mb} MB，超过 1 GB 的文件会被拒绝',
    en: 'the attribute table is {mb} MB; over 1 GB is refused',
  },
  'io.shapefile.dbfBadHeader': {
    zh: '属性表（.dbf）的文件头已损坏',
    en: 'the attribute table (.dbf) has a damaged header',
  },
  'io.shapefile.dbfShortRecords': {
    zh: '属性表（.dbf）的文件头已损坏（记录比字段还短）',
    en: 'the attribute table (.dbf) has a damaged header (records shorter than their fields)',
  },
  'io.shapefile.dbfTruncated': {
    zh: '属性表声明有 {declared} 条记录，实际只有 {held} 条；其后的要素没有属性——文件是否不完整？',
    en: 'the attribute table declares {declared} records but holds {held}; the features after that have no attributes — is it truncated?',
  },
  'io.shapefile.shpTooShort': { zh: '.shp 太短，不是 Shapefile', en: 'the .shp is too short to be a Shapefile' },
  'io.shapefile.notShp': {
    zh: '这不是 Shapefile（.shp）：文件开头没有 Shapefile 标记',
    en: 'this is not a Shapefile (.shp): its first bytes are not the Shapefile mark',
  },
  'io.shapefile.shpDamaged': { zh: '.shp 已损坏（{error}）', en: 'the .shp is damaged ({error})' },
  'io.shapefile.cpgUnknown': {
    zh: '.cpg 中的编码本软件不认识；已根据内容判断编码',
    en: 'the .cpg names no encoding this app knows; the encoding was worked out from the text',
  },
  'io.shapefile.countMismatch': {
    zh: '.shp 有 {shapes} 个图形，而 .dbf 有 {records} 条记录；已按顺序一一对应',
    en: 'the .shp holds {shapes} shapes but the .dbf {records} records; they are paired in order',
  },
  'io.shapefile.noDbf': {
    zh: '.shp 没有附带 .dbf：要素没有属性（没有名称和编号）',
    en: 'no .dbf came with the .shp: the features have no attributes (no names, no ids)',
  },
  'io.shapefile.noCpg': {
    zh: '没有 .cpg 说明编码；属性已按中文 GBK 读取',
    en: 'no .cpg says the encoding; the attributes were read as Chinese GBK',
  },
  'io.shapefile.zipTooLarge': {
    zh: 'zip 声明解压后的 Shapefile 数据超过 1 GB，已拒绝',
    en: 'the zip declares over 1 GB of Shapefile data uncompressed; it is refused',
  },
  'io.shapefile.zipTooManyEntries': { zh: 'zip 列出的条目超过 {max} 个', en: 'the zip lists more than {max} entries' },
  'io.shapefile.zipDamaged': {
    zh: 'zip 已损坏（{error}）——是否不完整？',
    en: 'the zip is damaged ({error}) — is it truncated?',
  },
  'io.shapefile.zipNoShp': { zh: 'zip 中没有 Shapefile（.shp）', en: 'the zip holds no Shapefile (.shp)' },
  'io.kml.kmzTooLarge': {
    zh: 'KMZ 声明解压后的 KML 超过 1 GB，已拒绝',
    en: 'the KMZ declares over 1 GB of KML uncompressed; it is refused',
  },
  'io.kml.kmzNoKml': { zh: 'KMZ 中没有 .kml 文件', en: 'the KMZ holds no .kml file' },
  'io.kml.kmzTooManyEntries': { zh: 'KMZ 列出的条目超过 {max} 个', en: 'the KMZ lists more than {max} entries' },
  'io.kml.kmzDamagedError': {
    zh: 'KMZ 文件已损坏（{error}）——是否不完整？',
    en: 'the KMZ is damaged ({error}) — is it truncated?',
  },
  'io.kml.entities': {
    zh: '文件声明了 XML 实体（<!ENTITY …>），KML 从不需要，已拒绝',
    en: 'the file declares XML entities (<!ENTITY …>), which KML never needs; it is refused',
  },
  'io.kml.notGpx': { zh: '这不是 GPX 文件：没有 <gpx> 元素', en: 'this is not a GPX file: it has no <gpx> element' },
  'io.kml.notKml': { zh: '这不是 KML 文件：没有 <kml> 元素', en: 'this is not a KML file: it has no <kml> element' },
  'io.kml.badXml': { zh: 'XML 格式不正确（{error}）', en: 'the XML is not well formed ({error})' },
  'io.kml.noPlacemarks': { zh: '文件中没有地标（Placemark）', en: 'the file holds no placemarks' },
  'io.gpkg.notGpkg': { zh: '这不是 GeoPackage（SQLite）文件', en: 'this is not a GeoPackage (an SQLite file)' },
  'io.gpkg.cannotOpen': { zh: '无法打开 GeoPackage（{error}）', en: 'the GeoPackage cannot be opened ({error})' },
  'io.gpkg.noTables': { zh: 'GeoPackage 中没有要素表', en: 'the GeoPackage holds no feature tables' },
  'io.gpkg.sqliteNotGpkg': {
    zh: '这个 SQLite 文件不是 GeoPackage（{error}）',
    en: 'this SQLite file is not a GeoPackage ({error})',
  },
  'io.gpkg.noSuchTable': {
    zh: 'GeoPackage 中没有名为"{table}"的要素表；它的表为 {tables}',
    en: 'the GeoPackage has no feature table named "{table}"; its tables are {tables}',
  },
  'io.gpkg.cannotRead': { zh: '无法读取 GeoPackage（{error}）', en: 'the GeoPackage cannot be read ({error})' },
  'io.gpkg.notBinary': { zh: '几何不是 GeoPackage 二进制格式', en: 'the geometry is not GeoPackage binary' },
  'io.gpkg.unknownEnvelope': { zh: '几何头声明了未知的外包框', en: 'the geometry header names an unknown envelope' },
  'io.gpkg.cutShort': { zh: '几何数据不完整', en: 'the geometry is cut short' },
  'io.gpkg.geometryDamaged': { zh: '几何数据已损坏（{error}）', en: 'the geometry is damaged ({error})' },
  'io.xlsx.oldXls': {
    zh: '这是旧版 Excel 97–2003 工作簿（.xls）——请另存为 .xlsx（Excel：文件 → 另存为 → Excel 工作簿）后再导入',
    en: 'this is an old Excel 97–2003 workbook (.xls) — save it as .xlsx (Excel: File → Save As → Excel Workbook) and import that',
  },
  'io.xlsx.notXlsx': { zh: '这不是 Excel 工作簿（.xlsx）', en: 'this is not an Excel workbook (.xlsx)' },
  'io.xlsx.tooLarge': {
    zh: '工作簿声明解压后超过 1 GB，已拒绝',
    en: 'the workbook declares over 1 GB uncompressed; it is refused',
  },
  'io.xlsx.tooManyParts': { zh: '工作簿的部件超过 {max} 个', en: 'the workbook holds more than {max} parts' },
  'io.xlsx.damaged': {
    zh: '工作簿已损坏（{error}）——是否不完整？',
    en: 'the workbook is damaged ({error}) — is it truncated?',
  },
  'io.xlsx.cannotRead': { zh: '无法读取工作簿（{error}）', en: 'the workbook cannot be read ({error})' },
  'io.xlsx.noSheets': { zh: '工作簿中没有工作表', en: 'the workbook has no sheets' },
  'io.xlsx.noSuchSheet': {
    zh: '工作簿中没有名为"{name}"的工作表；它的工作表为 {sheets}',
    en: 'the workbook has no sheet named "{name}"; its sheets are {sheets}',
  },
  'io.xlsx.tooManyRows': {
    zh: '工作表"{name}"有 {rows} 行，超过 Excel 本身的上限',
    en: 'the sheet "{name}" has {rows} rows, more than Excel itself allows',
  },
} as const;
