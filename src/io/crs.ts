// The coordinate reference systems Chinese bureaus' files come in, and the conversion of their
// coordinates to WGS84 through proj4 (loaded only when a file needs it). CGCS2000 geographic and
// its Gauss-Krüger zones (3° and 6°, with and without the zone number in the easting), the same
// zones on Xi'an 1980 and Beijing 1954, Web Mercator and UTM; any other system by EPSG code, proj
// string or WKT (a Shapefile's .prj). GCJ-02 and BD-09 are not CRSs and stay in core/coordinates.
//
// CGCS2000 and WGS84 differ by centimetres and are taken as one. Xi'an 1980 and Beijing 1954 need
// a datum shift (towgs84) that no public code gives for all of China: without one given, points
// are converted on their own ellipsoid and land some tens of metres off, and the caller says so.
import type proj4Type from 'proj4';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';

/** A CRS a file's coordinates can be in. */
export interface CrsInfo {
  /** "EPSG:4528", or null for one given only as a proj string or WKT. */
  code: string | null;
  /** As EPSG names it, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 40". */
  name: string;
  /** As Chinese users call it, e.g. "CGCS2000 3度带 40带"; searched too. */
  nameZh: string;
  /** A proj4 definition (proj string or WKT). */
  definition: string;
  geographic: boolean;
  datum: 'cgcs2000' | 'wgs84' | 'xian1980' | 'beijing1954' | 'other';
  /** Xi'an 1980 or Beijing 1954 without a towgs84 shift: positions may be tens of metres off. */
  datumShiftMissing: boolean;
}

const ELLIPSOIDS = {
  cgcs2000: '+ellps=GRS80',
  xian1980: '+a=6378140 +rf=298.257',
  beijing1954: '+ellps=krass',
} as const;
const DATUM_NAMES = { cgcs2000: 'CGCS2000', xian1980: 'Xian 1980', beijing1954: 'Beijing 1954' } as const;
const DATUM_NAMES_ZH = { cgcs2000: 'CGCS2000', xian1980: '西安80', beijing1954: '北京54' } as const;

/** First EPSG code of each run of Gauss-Krüger systems (zones or central meridians in order). */
const GK_RUNS: { datum: keyof typeof ELLIPSOIDS; width: 3 | 6; prefixed: boolean; first: number }[] = [
  { datum: 'cgcs2000', width: 6, prefixed: true, first: 4491 },
  { datum: 'cgcs2000', width: 6, prefixed: false, first: 4502 },
  { datum: 'cgcs2000', width: 3, prefixed: true, first: 4513 },
  { datum: 'cgcs2000', width: 3, prefixed: false, first: 4534 },
  { datum: 'xian1980', width: 6, prefixed: true, first: 2327 },
  { datum: 'xian1980', width: 6, prefixed: false, first: 2338 },
  { datum: 'xian1980', width: 3, prefixed: true, first: 2349 },
  { datum: 'xian1980', width: 3, prefixed: false, first: 2370 },
  { datum: 'beijing1954', width: 6, prefixed: true, first: 21413 },
  { datum: 'beijing1954', width: 6, prefixed: false, first: 21453 },
  { datum: 'beijing1954', width: 3, prefixed: true, first: 2401 },
  { datum: 'beijing1954', width: 3, prefixed: false, first: 2422 },
];

function gaussKrugerSystems(): CrsInfo[] {
  const out: CrsInfo[] = [];
  for (const run of GK_RUNS) {
    // China spans central meridians 75°E … 135°E: 6° zones 13 … 23, 3° zones 25 … 45.
    const count = run.width === 6 ? 11 : 21;
    for (let k = 0; k < count; k++) {
      const cm = 75 + k * run.width;
      const zone = run.width === 6 ? 13 + k : 25 + k;
      const falseEasting = run.prefixed ? zone * 1_000_000 + 500_000 : 500_000;
      const degree = run.width === 3 ? '3-degree ' : '';
      out.push({
        code: `EPSG:${run.first + k}`,
        name: `${DATUM_NAMES[run.datum]} / ${degree}Gauss-Kruger ${run.prefixed ? `zone ${zone}` : `CM ${cm}E`}`,
        nameZh: `${DATUM_NAMES_ZH[run.datum]} 高斯-克吕格 ${run.width}度带 ${run.prefixed ? `${zone}带` : `中央经线 ${cm}°E`}`,
        definition: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 ${ELLIPSOIDS[run.datum]} +units=m +no_defs`,
        geographic: false,
        datum: run.datum,
        datumShiftMissing: run.datum !== 'cgcs2000',
      });
    }
  }
  return out;
}

function utmSystems(): CrsInfo[] {
  const out: CrsInfo[] = [];
  for (let zone = 1; zone <= 60; zone++)
    for (const south of [false, true])
      out.push({
        code: `EPSG:${(south ? 32700 : 32600) + zone}`,
        name: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`,
        nameZh: `WGS84 UTM ${zone}${south ? 'S' : 'N'}带`,
        definition: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
        geographic: false,
        datum: 'wgs84',
        datumShiftMissing: false,
      });
  return out;
}

/** Every CRS the app knows by code, in the order a search lists them. */
export const KNOWN_CRS: readonly CrsInfo[] = [
  {
    code: 'EPSG:4326',
    name: 'WGS 84',
    nameZh: 'WGS84 经纬度（GPS）',
    definition: '+proj=longlat +datum=WGS84 +no_defs',
    geographic: true,
    datum: 'wgs84',
    datumShiftMissing: false,
  },
  {
    code: 'EPSG:4490',
    name: 'China Geodetic Coordinate System 2000 (CGCS2000)',
    nameZh: 'CGCS2000 国家大地坐标系 经纬度',
    definition: '+proj=longlat +ellps=GRS80 +no_defs',
    geographic: true,
    datum: 'cgcs2000',
    datumShiftMissing: false,
  },
  {
    code: 'EPSG:4610',
    name: 'Xian 1980',
    nameZh: '西安80 经纬度',
    definition: `+proj=longlat ${ELLIPSOIDS.xian1980} +no_defs`,
    geographic: true,
    datum: 'xian1980',
    datumShiftMissing: true,
  },
  {
    code: 'EPSG:4214',
    name: 'Beijing 1954',
    nameZh: '北京54 经纬度',
    definition: `+proj=longlat ${ELLIPSOIDS.beijing1954} +no_defs`,
    geographic: true,
    datum: 'beijing1954',
    datumShiftMissing: true,
  },
  {
    code: 'EPSG:3857',
    name: 'WGS 84 / Pseudo-Mercator (Web Mercator)',
    nameZh: 'Web 墨卡托（网络地图）',
    definition:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    geographic: false,
    datum: 'wgs84',
    datumShiftMissing: false,
  },
  ...gaussKrugerSystems(),
  ...utmSystems(),
];

const BY_CODE = new Map(KNOWN_CRS.map((c) => [c.code!, c]));
/** Other spellings of Web Mercator seen in files. */
BY_CODE.set('EPSG:900913', BY_CODE.get('EPSG:3857')!);
BY_CODE.set('EPSG:3785', BY_CODE.get('EPSG:3857')!);

export function crsByCode(code: string): CrsInfo | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** Systems whose code or name holds every word of the query ("4528", "cgcs2000 zone 40", "xian 120e"). */
export function searchCrs(query: string, limit = 20): CrsInfo[] {
  const words = query
    .toLowerCase()
    .replace(/[/:_-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return KNOWN_CRS.slice(0, limit);
  const out: CrsInfo[] = [];
  for (const crs of KNOWN_CRS) {
    const hay = ` ${crs.code ?? ''} ${crs.name} ${crs.nameZh} `.toLowerCase().replace(/[/:_-]/g, ' ');
    if (words.every((w) => new RegExp(`[\\s(]${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(hay))) out.push(crs);
    if (out.length >= limit) break;
  }
  return out;
}

export type CrsResolution = { ok: true; crs: CrsInfo } | { ok: false; reason: Message };

/** Longest CRS text read (a .prj is a few hundred bytes; a GeoPackage SRS a few kB). */
const MAX_DEFINITION_LENGTH = 20_000;

/**
 * A CRS from what a person or a file gives: "EPSG:4528" or "4528", a proj string ("+proj=tmerc …"),
 * or WKT (a Shapefile's .prj, a GeoPackage's SRS). A WKT naming an EPSG code the app knows is that
 * system; any other is read by proj4 as given.
 */
export async function resolveCrs(text: string): Promise<CrsResolution> {
  const given = text.trim();
  if (!given) return { ok: false, reason: msg('io.crs.reason.none') };
  if (given.length > MAX_DEFINITION_LENGTH)
    return {
      ok: false,
      reason: msg('io.crs.reason.tooLong', { length: given.length, max: MAX_DEFINITION_LENGTH }),
    };
  const code = /^(?:epsg:?\s*)?(\d{4,5})$/i.exec(given);
  if (code) {
    const known = crsByCode(`EPSG:${code[1]}`);
    return known
      ? { ok: true, crs: known }
      : { ok: false, reason: msg('io.crs.reason.unknownCode', { code: `EPSG:${code[1]}` }) };
  }
  const isWkt = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|BOUNDCRS|COMPD_CS|COMPOUNDCRS)\s*\[/i.test(given);
  if (!isWkt && !given.startsWith('+'))
    return { ok: false, reason: msg('io.crs.reason.notCrs', { text: given.slice(0, 60) }) };
  if (isWkt) {
    const authority =
      /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(given) ??
      /ID\s*\[\s*"EPSG"\s*,\s*(\d+)\s*\]\s*\]\s*$/i.exec(given);
    const known = authority ? crsByCode(`EPSG:${authority[1]}`) : undefined;
    if (known) return { ok: true, crs: known };
  }
  const proj4 = await loadProj4();
  let projection: ReturnType<typeof proj4.Proj>;
  try {
    projection = proj4.Proj(given);
  } catch (error) {
    return {
      ok: false,
      reason: msg('io.crs.reason.proj4', { error: error instanceof Error ? error.message : String(error) }),
    };
  }
  const datum = datumOf(given, projection);
  const hasShift =
    /towgs84|TOWGS84/.test(given) || Array.isArray((projection as { datum_params?: unknown }).datum_params);
  const known = hasShift ? undefined : knownGaussKruger(projection, datum);
  if (known) return { ok: true, crs: known };
  return {
    ok: true,
    crs: {
      code: null,
      name: wktName(given) ?? given.slice(0, 80),
      nameZh: wktName(given) ?? given.slice(0, 80),
      definition: given,
      geographic:
        (projection as { projName?: string }).projName === 'longlat' || /^(GEOGCS|GEOGCRS|GEODCRS)/i.test(given),
      datum,
      datumShiftMissing: (datum === 'xian1980' || datum === 'beijing1954') && !hasShift,
    },
  };
}

interface ParsedProjection {
  projName?: string;
  long0?: number;
  lat0?: number;
  x0?: number;
  y0?: number;
  k0?: number;
}

/**
 * A Gauss-Krüger definition with no EPSG code (an ArcGIS .prj: "CGCS2000_3_Degree_GK_Zone_40")
 * that is one of the known systems, by datum, central meridian and false easting: so the dialog
 * can name it by its code.
 */
function knownGaussKruger(projection: ParsedProjection, datum: CrsInfo['datum']): CrsInfo | undefined {
  const { projName, long0, lat0, x0, y0, k0 } = projection;
  if (!projName || !/^(tmerc|gauss_kruger|transverse_mercator)$/i.test(projName)) return undefined;
  if (long0 === undefined || x0 === undefined || (lat0 ?? 0) !== 0 || (y0 ?? 0) !== 0 || (k0 ?? 1) !== 1)
    return undefined;
  const cm = Math.round(((long0 * 180) / Math.PI) * 1e6) / 1e6;
  const wanted = ` +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 `;
  return KNOWN_CRS.find((c) => c.datum === datum && c.definition.includes(wanted));
}

function wktName(wkt: string): string | null {
  return /^\w+\s*\[\s*"([^"]{1,200})"/.exec(wkt)?.[1]?.replace(/_/g, ' ') ?? null;
}

function datumOf(text: string, projection: { datumCode?: string; a?: number; rf?: number }): CrsInfo['datum'] {
  const t = `${text} ${projection.datumCode ?? ''}`.toLowerCase();
  if (/xian|xi'an|iag.?1975|a=6378140/.test(t) || projection.a === 6378140) return 'xian1980';
  if (/beijing|krass|pulkovo/.test(t)) return 'beijing1954';
  if (/cgcs|china.?2000|china_2000|grs80|grs 1980/.test(t)) return 'cgcs2000';
  if (/wgs.?84|wgs_1984/.test(t)) return 'wgs84';
  return 'other';
}

type Proj4 = typeof proj4Type;
let proj4Module: Promise<Proj4> | null = null;

/** proj4 is loaded the first time a file needs a conversion, so the app's first load stays small. */
function loadProj4(): Promise<Proj4> {
  // A CommonJS module: its function is the default export under Vite and Node alike.
  proj4Module ??= import('proj4').then((m) => ((m as { default?: Proj4 }).default ?? m) as Proj4);
  return proj4Module;
}

/** Converts x,y pairs in place from the CRS to WGS84 lon,lat. Non-finite results become NaN. */
export async function toWgs84(crs: CrsInfo, coordinates: Float64Array | number[]): Promise<void> {
  const proj4 = await loadProj4();
  const converter = proj4(crs.definition, 'EPSG:4326');
  const point = [0, 0];
  for (let i = 0; i + 1 < coordinates.length; i += 2) {
    point[0] = coordinates[i]!;
    point[1] = coordinates[i + 1]!;
    const [lon, lat] = converter.forward(point);
    coordinates[i] = Number.isFinite(lon) ? lon! : NaN;
    coordinates[i + 1] = Number.isFinite(lat) ? lat! : NaN;
  }
}

/** Mainland China with a margin: where a suggested CRS must put every sample point. */
const CHINA = { minLon: 72, maxLon: 136, minLat: 17, maxLat: 55 };

export interface CrsSuggestion {
  crs: CrsInfo;
  /** True when the file's first coordinate is the northing (X north, as Chinese surveys write it). */
  swapped: boolean;
  /** One line for the person: "eastings like 40 512 345 look like CGCS2000 / 3-degree … zone 40". */
  reason: string;
}

function spaced(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * For projected coordinates in a file that names no CRS: the systems that put every sample point
 * in China, inside its own zone, best first (CGCS2000 with a zone number, then Web Mercator).
 * Eastings without a zone number fit every zone, so none is suggested for them unless `nearLon`
 * (say, the map's centre) tells which central meridian is meant.
 */
export async function suggestCrs(samples: readonly [number, number][], nearLon?: number): Promise<CrsSuggestion[]> {
  const points = samples.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).slice(0, 200);
  if (points.length === 0) return [];
  const out: CrsSuggestion[] = [];
  const candidates: { crs: CrsInfo; zoneLon?: number; half?: number }[] = [];
  for (const swapped of [false, true]) {
    const eastings = points.map((p) => (swapped ? p[1] : p[0]));
    const zones = new Set(eastings.map((e) => Math.floor(e / 1_000_000)));
    if (zones.size === 1) {
      const zone = [...zones][0]!;
      const code = zone >= 25 && zone <= 45 ? 4513 + zone - 25 : zone >= 13 && zone <= 23 ? 4491 + zone - 13 : null;
      if (code) {
        const crs = crsByCode(`EPSG:${code}`)!;
        candidates.push({ crs, zoneLon: zone >= 25 ? zone * 3 : zone * 6 - 3, half: zone >= 25 ? 1.6 : 3.1 });
      }
    }
    if (nearLon !== undefined && eastings.every((e) => e > 0 && e < 1_000_000)) {
      const cm = Math.round(nearLon / 3) * 3;
      const crs = cm >= 75 && cm <= 135 ? crsByCode(`EPSG:${4534 + (cm - 75) / 3}`) : undefined;
      if (crs) candidates.push({ crs, zoneLon: cm, half: 1.6 });
    }
    const proj4 = await loadProj4();
    for (const { crs, zoneLon, half } of candidates.splice(0)) {
      const converter = proj4(crs.definition, 'EPSG:4326');
      const fits = points.every((p) => {
        const [lon, lat] = converter.forward(swapped ? [p[1], p[0]] : [p[0], p[1]]);
        return (
          lon >= CHINA.minLon &&
          lon <= CHINA.maxLon &&
          lat >= CHINA.minLat &&
          lat <= CHINA.maxLat &&
          (zoneLon === undefined || Math.abs(lon - zoneLon) <= half!)
        );
      });
      if (!fits) continue;
      const e = swapped ? points[0]![1] : points[0]![0];
      out.push({
        crs,
        swapped,
        reason: `eastings like ${spaced(e)} look like ${crs.name}, ${crs.code}${swapped ? ' (with X as the northing)' : ''}`,
      });
    }
  }
  const mercator = crsByCode('EPSG:3857')!;
  const proj4 = await loadProj4();
  const toLonLat = proj4(mercator.definition, 'EPSG:4326');
  if (
    points.every(([x, y]) => {
      const [lon, lat] = toLonLat.forward([x, y]);
      return lon >= CHINA.minLon && lon <= CHINA.maxLon && lat >= CHINA.minLat && lat <= CHINA.maxLat;
    })
  )
    out.push({
      crs: mercator,
      swapped: false,
      reason: `coordinates like ${spaced(points[0]![0])}, ${spaced(points[0]![1])} look like Web Mercator, EPSG:3857`,
    });
  return out;
}
