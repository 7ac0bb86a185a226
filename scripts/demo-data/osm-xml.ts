// The OSM XML reader lives in src/io so the app, the CLI and this build share one parser.
export { parseOsmXml, type OsmData, type OsmWay } from '../../src/io/osm-xml';
