// The routing package's front door for the analysis worker (through CoverageEngine): the walking
// network, snapping, searches, paths and walking areas. Pure TypeScript over typed arrays: no DOM,
// no Node APIs.

export * from './walking-network';
export * from './snap';
export * from './dijkstra';
export * from './coverage';
export * from './path';
export * from './isochrone';
export { outlineLines, type OutlineOptions } from './area-outline';
