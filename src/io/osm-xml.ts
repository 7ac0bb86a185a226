// Reads OpenStreetMap XML (.osm, as Overpass or JOSM write it) into road lines for the walking
// network. The format is flat and machine-written, so a small scanner is enough: no XML
// dependency. Ways keep their shared nodes, which is how OSM says two streets meet.
//
// The scanner walks the text once, moving forward at every step (indexOf and plain loops, no
// regular expression that can retry from each position): the regexes it replaces backtracked
// quadratically, and a 500,000-character tag without '=' or 600,000 unclosed <way> tags hung past
// 120 s. A document type declaration is skipped (its entities are never expanded).
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import type { Problem } from './format';
import { quote } from './problem-list';

export interface OsmWay {
  id: number;
  refs: number[];
  /** Built from entries (Object.fromEntries), so a tag named "__proto__" stays a tag. */
  tags: Record<string, string>;
}

export interface OsmData {
  /** Node id → [lon, lat]. */
  nodes: Map<number, [number, number]>;
  ways: OsmWay[];
}

/** Damaged XML, with the line it is on and what to tell the person. */
export class OsmXmlError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
  }
}

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Character codes the scanner compares against. */
const TAB = 9;
const LINE_FEED = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const SLASH = 47;
const EQUALS = 61;
const GREATER = 62;
const LESS = 60;

function isSpace(c: number): boolean {
  return c === SPACE || c === LINE_FEED || c === TAB || c === RETURN;
}

/** XML name characters, as far as OSM uses them (ASCII letters, digits, _ : . -, and non-ASCII). */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 58 ||
    c === 46 ||
    c === 45 ||
    c > 127
  );
}

function isNameStart(c: number): boolean {
  return isNameChar(c) && !(c >= 48 && c <= 57) && c !== 46 && c !== 45;
}

/** One tag as the scanner saw it. */
interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Map<string, string>;
  /** Offset of its '<'. */
  at: number;
}

class Scanner {
  pos = 0;
  constructor(readonly xml: string) {}

  /** 1-based line of an offset; counted only when a message needs it. */
  lineOf(offset: number): number {
    let line = 1;
    for (let i = this.xml.indexOf('\n'); i !== -1 && i < offset; i = this.xml.indexOf('\n', i + 1)) line++;
    return line;
  }

  fail(offset: number, message: Message): never {
    throw new OsmXmlError({ where: { kind: 'line', n: this.lineOf(offset) }, message });
  }

  /** The next tag, skipping text, comments, CDATA, processing instructions and declarations. */
  next(): Tag | null {
    const xml = this.xml;
    for (;;) {
      const at = xml.indexOf('<', this.pos);
      if (at === -1) {
        this.pos = xml.length;
        return null;
      }
      if (xml.startsWith('<!--', at)) this.skipTo(at, '-->', 'io.osmXml.what.comment');
      else if (xml.startsWith('<![CDATA[', at)) this.skipTo(at, ']]>', 'io.osmXml.what.cdata');
      else if (xml.startsWith('<?', at)) this.skipTo(at, '?>', 'io.osmXml.what.instruction');
      else if (xml.startsWith('<!', at)) this.skipDeclaration(at);
      else return this.tag(at);
    }
  }

  private skipTo(
    at: number,
    end: string,
    what: 'io.osmXml.what.comment' | 'io.osmXml.what.cdata' | 'io.osmXml.what.instruction',
  ): void {
    const found = this.xml.indexOf(end, at + 2);
    if (found === -1) this.fail(at, msg('io.osmXml.unclosedMarkup', { what: msg(what) }));
    this.pos = found + end.length;
  }

  /** <!DOCTYPE …> with an optional [internal subset], whose quoted parts may hold '>' or ']'. */
  private skipDeclaration(at: number): void {
    const xml = this.xml;
    let depth = 0;
    let i = at + 2;
    while (i < xml.length) {
      const c = xml.charCodeAt(i);
      if (c === QUOTE || c === APOSTROPHE) {
        const close = xml.indexOf(xml[i]!, i + 1);
        if (close === -1) break;
        i = close + 1;
        continue;
      }
      if (xml.startsWith('<!--', i)) {
        const close = xml.indexOf('-->', i + 4);
        if (close === -1) break;
        i = close + 3;
        continue;
      }
      if (c === 91)
        depth++; // [
      else if (c === 93)
        depth--; // ]
      else if (c === GREATER && depth <= 0) {
        this.pos = i + 1;
        return;
      }
      i++;
    }
    this.fail(at, msg('io.osmXml.unclosedMarkup', { what: msg('io.osmXml.what.declaration') }));
  }

  private tag(at: number): Tag {
    const xml = this.xml;
    let i = at + 1;
    const closing = xml.charCodeAt(i) === SLASH;
    if (closing) i++;
    const nameStart = i;
    if (!isNameStart(xml.charCodeAt(i))) this.fail(at, msg('io.osmXml.strayLessThan'));
    while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
    const name = xml.slice(nameStart, i);
    const attributes = new Map<string, string>();
    for (;;) {
      while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
      if (i >= xml.length) this.fail(at, msg('io.osmXml.unclosedTag', { element: name }));
      const c = xml.charCodeAt(i);
      if (c === GREATER) {
        this.pos = i + 1;
        return { name, closing, selfClosing: false, attributes, at };
      }
      if (c === SLASH && xml.charCodeAt(i + 1) === GREATER) {
        this.pos = i + 2;
        return { name, closing, selfClosing: true, attributes, at };
      }
      if (c === LESS) this.fail(at, msg('io.osmXml.unclosedTag', { element: name }));
      const keyStart = i;
      while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
      if (i === keyStart) this.fail(at, msg('io.osmXml.unclosedTag', { element: name }));
      const key = xml.slice(keyStart, i);
      while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQUALS)
        this.fail(at, msg('io.osmXml.attributeWithoutValue', { element: name, name: quote(key) }));
      i++;
      while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
      const q = xml.charCodeAt(i);
      if (q !== QUOTE && q !== APOSTROPHE)
        this.fail(at, msg('io.osmXml.attributeWithoutValue', { element: name, name: quote(key) }));
      const close = xml.indexOf(xml[i]!, i + 1);
      if (close === -1) this.fail(at, msg('io.osmXml.unclosedQuote', { element: name }));
      attributes.set(key, this.decode(xml.slice(i + 1, close), i + 1));
      i = close + 1;
    }
  }

  /** Entity and character references; an unknown entity is kept as written. */
  private decode(s: string, offset: number): string {
    let amp = s.indexOf('&');
    if (amp === -1) return s;
    let out = '';
    let from = 0;
    while (amp !== -1) {
      // References are short: look for their ';' only a few characters on, so a run of '&'
      // without one stays linear.
      const semi = s.slice(amp + 1, amp + 13).indexOf(';') + amp + 1;
      if (semi === amp) {
        amp = s.indexOf('&', amp + 1);
        continue;
      }
      const body = s.slice(amp + 1, semi);
      let text: string | undefined;
      if (body.startsWith('#')) {
        const hex = body[1] === 'x';
        const digits = body.slice(hex ? 2 : 1);
        const valid = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits);
        const code = valid ? parseInt(digits, hex ? 16 : 10) : Number.NaN;
        if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
          this.fail(offset + amp, msg('io.osmXml.badCharacter', { ref: quote(`&${body};`) }));
        text = String.fromCodePoint(code);
      } else text = ENTITIES.get(body);
      if (text !== undefined) {
        out += s.slice(from, amp) + text;
        from = semi + 1;
      }
      amp = s.indexOf('&', semi + 1);
    }
    return out + s.slice(from);
  }
}

/** The prolog of a file (declaration, comments, DOCTYPE) is followed by an <osm> element. */
export function looksLikeOsmXml(text: string): boolean {
  const scanner = new Scanner(text.slice(0, 2000));
  try {
    return scanner.next()?.name === 'osm';
  } catch {
    return false;
  }
}

/** Nodes and ways of an OSM XML document; throws OsmXmlError naming the line of what is wrong. */
export function parseOsmXml(xml: string): OsmData {
  const scanner = new Scanner(xml);
  const nodes = new Map<number, [number, number]>();
  const ways: OsmWay[] = [];
  const root = scanner.next();
  if (root === null) throw new OsmXmlError({ where: { kind: 'file' }, message: msg('io.osmXml.noElement') });
  if (root.name !== 'osm' || root.closing)
    scanner.fail(root.at, msg('io.osmXml.notOsm', { element: root.name.slice(0, 40) }));
  let way: { id: number; idText: string; refs: number[]; tags: Map<string, string>; at: number } | null = null;
  for (let tag = scanner.next(); tag !== null; tag = scanner.next()) {
    const a = tag.attributes;
    if (tag.closing) {
      if (tag.name === 'way' && way) {
        ways.push({ id: way.id, refs: way.refs, tags: Object.fromEntries(way.tags) });
        way = null;
      }
      continue;
    }
    switch (tag.name) {
      case 'node': {
        const id = a.get('id');
        const lat = a.get('lat');
        const lon = a.get('lon');
        if (id !== undefined && lat !== undefined && lon !== undefined)
          nodes.set(Number(id), [Number(lon), Number(lat)]);
        break;
      }
      case 'way':
        if (way)
          scanner.fail(tag.at, msg('io.osmXml.wayInWay', { id: way.idText, line: String(scanner.lineOf(way.at)) }));
        way = { id: Number(a.get('id')), idText: quote(a.get('id') ?? '?', 20), refs: [], tags: new Map(), at: tag.at };
        if (tag.selfClosing) {
          ways.push({ id: way.id, refs: way.refs, tags: Object.fromEntries(way.tags) });
          way = null;
        }
        break;
      case 'nd':
        if (way) way.refs.push(Number(a.get('ref')));
        break;
      case 'tag': {
        const k = a.get('k');
        if (way && k !== undefined) way.tags.set(k, a.get('v') ?? '');
        break;
      }
    }
  }
  if (way) scanner.fail(way.at, msg('io.osmXml.unclosedWay', { id: way.idText }));
  ways.sort((x, y) => x.id - y.id);
  return { nodes, ways };
}

/** Highways a person cannot walk along (or that do not exist yet). */
const NOT_WALKABLE = new Set([
  'motorway',
  'motorway_link',
  'construction',
  'proposed',
  'abandoned',
  'raceway',
  'bus_guideway',
  'escape',
  'razed',
]);

export function isWalkable(tags: Record<string, string>): boolean {
  const h = tags.highway;
  if (!h || NOT_WALKABLE.has(h)) return false;
  if (tags.foot === 'no' || tags.access === 'no' || tags.area === 'yes') return false;
  return true;
}

export interface OsmRoadsResult {
  roads: FeatureCollection<LineString>;
  /** Ways dropped: not walkable, or with missing nodes. */
  skippedWays: number;
  missingNodes: number;
}

/** Walkable highway ways as LineStrings (properties: id "w…", highway, name). */
export function osmRoads(data: OsmData): OsmRoadsResult {
  const features: Feature<LineString>[] = [];
  let skippedWays = 0;
  let missingNodes = 0;
  for (const way of data.ways) {
    if (!isWalkable(way.tags)) {
      skippedWays++;
      continue;
    }
    const coordinates: [number, number][] = [];
    for (const ref of way.refs) {
      const p = data.nodes.get(ref);
      if (p) coordinates.push(p);
      else missingNodes++;
    }
    if (coordinates.length < 2) {
      skippedWays++;
      continue;
    }
    features.push({
      type: 'Feature',
      id: `w${way.id}`,
      properties: { id: `w${way.id}`, highway: way.tags.highway ?? null, name: way.tags.name ?? null },
      geometry: { type: 'LineString', coordinates },
    });
  }
  return { roads: { type: 'FeatureCollection', features }, skippedWays, missingNodes };
}
