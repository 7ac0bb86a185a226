// The `baidu-tiles` protocol: MapLibre asks for Web Mercator tile z/x/y, and gets it resampled from
// Baidu's own tiles (their grid and the row-wise mapping are in baidu-tiles.ts). The Baidu URL
// template rides in the tile URL, escaped, so MapLibre fills in only our z/x/y. A Baidu tile that
// cannot be read (no network, an HTTP error, a server that allows no cross-origin read) leaves its
// part of the tile transparent and is reported once through `onFailure`; the map never breaks.
import type { GetResourceResponse, RequestParameters } from 'maplibre-gl';
import { baiduTileUrl, planBaiduTile } from './baidu-tiles';

export const BAIDU_PROTOCOL = 'baidu-tiles';
const SIZE = 256;
const BAIDU_TILE = 256;

/** The tile URL MapLibre is given for a Baidu template. */
export function baiduProtocolUrl(template: string): string {
  return `${BAIDU_PROTOCOL}://{z}/{x}/{y}?src=${encodeURIComponent(template)}`;
}

function parse(url: string): { z: number; x: number; y: number; template: string } {
  const m = /^baidu-tiles:\/\/(\d+)\/(\d+)\/(\d+)\?src=(.+)$/.exec(url);
  if (!m) throw new Error(`not a Baidu tile request: ${url.slice(0, 80)}`);
  return { z: Number(m[1]), x: Number(m[2]), y: Number(m[3]), template: decodeURIComponent(m[4]!) };
}

async function readTile(url: string, signal: AbortSignal): Promise<ImageBitmap> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return createImageBitmap(await response.blob());
}

/** The protocol's loader; `onFailure` hears why a Baidu tile could not be read. */
export function baiduTileLoader(onFailure: (reason: string) => void) {
  return async (params: RequestParameters, abort: AbortController): Promise<GetResourceResponse<ArrayBuffer>> => {
    const { z, x, y, template } = parse(params.url);
    const plan = planBaiduTile(z, x, y, SIZE);
    const out = new OffscreenCanvas(SIZE, SIZE);
    if (plan) {
      const mosaic = new OffscreenCanvas(plan.width, plan.height);
      const mosaicContext = mosaic.getContext('2d')!;
      const results = await Promise.allSettled(
        plan.tiles.map(async (t) => {
          const image = await readTile(baiduTileUrl(template, t.x, t.y, plan.zoom), abort.signal);
          mosaicContext.drawImage(image, t.left, t.top, BAIDU_TILE, BAIDU_TILE);
          image.close();
        }),
      );
      abort.signal.throwIfAborted();
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) onFailure(failure.reason instanceof Error ? failure.reason.message : String(failure.reason));
      const context = out.getContext('2d')!;
      // Every pixel of an output row has one latitude, so one strip of the mosaic fills the row.
      for (const r of plan.rows) context.drawImage(mosaic, r.sx, r.sy, r.sw, r.sh, 0, r.row, SIZE, 1);
    }
    const blob = await out.convertToBlob({ type: 'image/png' });
    return { data: await blob.arrayBuffer() };
  };
}
