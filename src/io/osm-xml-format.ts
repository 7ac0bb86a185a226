// OpenStreetMap XML (.osm) and PBF (.osm.pbf) as a format handler: its walkable highway ways become LineString
// features for the roads role. Points and polygons are not read from it.
import { msg } from '../core/i18n';
import type { FormatHandler, InspectResult, ReadResult } from './format';
import { FILE } from './problem-list';
import { OsmXmlError, osmRoads, parseOsmXml, type OsmData } from './osm-xml';
import { looksLikeOsmPbf, OsmPbfError, parseOsmPbf } from './osm-pbf';

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export const osmXmlFormat: FormatHandler = {
  format: 'osm',
  read(bytes): Promise<ReadResult> {
    return Promise.resolve(readOsm(bytes));
  },
  inspect(bytes): Promise<InspectResult> {
    return Promise.resolve(inspectOsm(bytes));
  },
};

function readOsm(bytes: Uint8Array): ReadResult {
  let data: OsmData;
  let kind = 'XML';
  if (looksLikeOsmPbf(bytes)) {
    kind = 'PBF';
    try {
      data = parseOsmPbf(bytes);
    } catch (error) {
      const message =
        error instanceof OsmPbfError
          ? error.text
          : msg('io.osm.pbfDamaged', { detail: error instanceof Error ? error.message : String(error) });
      return { ok: false, problems: [{ where: FILE, message }] };
    }
  } else {
    const text = decode(bytes);
    if (text === null)
      return {
        ok: false,
        problems: [{ where: FILE, message: msg('io.osm.neither') }],
      };
    try {
      data = parseOsmXml(text);
    } catch (error) {
      if (error instanceof OsmXmlError) return { ok: false, problems: [error.problem] };
      throw error;
    }
  }
  const { roads, skippedWays, missingNodes } = osmRoads(data);
  if (roads.features.length === 0)
    return {
      ok: false,
      problems: [{ where: FILE, message: msg('io.osm.noRoads', { ways: data.ways.length, nodes: data.nodes.size }) }],
    };
  const notes = [
    `${roads.features.length} walkable highway ways read from OpenStreetMap ${kind}; ${skippedWays} other ways skipped`,
  ];
  const warnings =
    missingNodes > 0 ? [{ where: FILE, message: msg('io.osm.missingNodes', { count: String(missingNodes) }) }] : [];
  return {
    ok: true,
    features: roads.features,
    where: (i) => ({ kind: 'way', n: Number(String(roads.features[i]?.id ?? i + 1).replace(/^w/, '')) || i + 1 }),
    problems: [],
    warnings,
    notes,
  };
}

function inspectOsm(bytes: Uint8Array): InspectResult {
  const read = readOsm(bytes);
  if (!read.ok) return { ok: false, problems: read.problems };
  return {
    ok: true,
    summary: {
      format: 'osm',
      featureCount: read.features.length,
      fields: ['id', 'highway', 'name'],
      numericFields: [],
      geometryTypes: ['LineString'],
    },
  };
}
