// The plan as an inline SVG for the printed report: communities filled by band status, grids as
// dashed outlines, facilities as dots, with a scale bar and a north arrow. The SVG's user unit is
// the millimetre on paper, so line widths, dot sizes and type come out the same in every browser's
// print, and the scale bar is exact. The projection is equirectangular at the plan's middle
// latitude (x scaled by cos φ), which over a district's few kilometres is true to well under 1 %.
import { facilityColor } from '../facility-categories';
import type { AreaResult, AreaUnit, BandStatus, Facility } from '../model';
import { t, type Language } from '../i18n';
import { escapeHtml } from './html-escape';
import { METRES_PER_DEGREE } from '../geodesy';

/** The map's fills, the same as the app's (src/map/basemap-style.ts BAND_COLORS). */
export const REPORT_BAND_COLORS: Record<BandStatus, string> = {
  within: '#2e9d5b',
  below: '#e9a23b',
  above: '#d64545',
  unknown: '#8d99ae',
};

export interface PlanMapInput {
  communities: readonly AreaUnit[];
  grids: readonly AreaUnit[];
  facilities: readonly Facility[];
  communityResults: readonly AreaResult[];
  language: Language;
  /** Size on paper, in millimetres. */
  width: number;
  height: number;
}

type Ring = readonly (readonly number[])[];

function ringsOf(unit: AreaUnit): Ring[][] {
  return unit.geometry.type === 'Polygon' ? [unit.geometry.coordinates] : unit.geometry.coordinates;
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);

/** A round length for a scale bar: 1, 2 or 5 × 10ⁿ metres, at most `metres`. */
export function roundScaleLength(metres: number): number {
  if (!(metres > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(metres));
  for (const step of [5, 2, 1]) if (step * power <= metres) return step * power;
  return power;
}

function lengthLabel(metres: number, language: Language): string {
  if (metres >= 1000) return t(language, 'report.kilometres', { n: String(metres / 1000) });
  return t(language, 'report.metres', { n: String(metres) });
}

interface Projection {
  x(lon: number): number;
  y(lat: number): number;
  /** Paper millimetres per metre on the ground. */
  mmPerMetre: number;
}

/** Fits the bbox into the frame [x0, x0 + w] × [y0, y0 + h], centred, north up. */
function fitProjection(
  bbox: [number, number, number, number],
  x0: number,
  y0: number,
  w: number,
  h: number,
): Projection {
  const [west, south, east, north] = bbox;
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const widthM = Math.max((east - west) * cos * METRES_PER_DEGREE, 1);
  const heightM = Math.max((north - south) * METRES_PER_DEGREE, 1);
  const mmPerMetre = Math.min(w / widthM, h / heightM);
  const offsetX = x0 + (w - widthM * mmPerMetre) / 2;
  const offsetY = y0 + (h - heightM * mmPerMetre) / 2;
  return {
    x: (lon) => offsetX + (lon - west) * cos * METRES_PER_DEGREE * mmPerMetre,
    y: (lat) => offsetY + (north - lat) * METRES_PER_DEGREE * mmPerMetre,
    mmPerMetre,
  };
}

function bboxOf(units: readonly AreaUnit[], facilities: readonly Facility[]): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  };
  for (const u of units)
    for (const polygon of ringsOf(u)) for (const ring of polygon) for (const p of ring) add(p[0]!, p[1]!);
  // Facilities frame the map only when there are no areas: a city-wide inventory would otherwise
  // shrink a district's plan to a corner.
  if (w === Infinity) for (const f of facilities) add(f.lon, f.lat);
  return w === Infinity ? null : [w, s, e, n];
}

/** An SVG path for a polygon set; vertices closer than 0.1 mm on paper are dropped. */
function pathOf(unit: AreaUnit, p: Projection): string {
  let d = '';
  for (const polygon of ringsOf(unit))
    for (const ring of polygon) {
      let lastX = NaN;
      let lastY = NaN;
      let count = 0;
      for (const pt of ring) {
        const x = p.x(pt[0]!);
        const y = p.y(pt[1]!);
        if (count > 0 && Math.abs(x - lastX) < 0.1 && Math.abs(y - lastY) < 0.1) continue;
        d += `${count === 0 ? 'M' : 'L'}${fmt(x)} ${fmt(y)}`;
        lastX = x;
        lastY = y;
        count++;
      }
      if (count > 0) d += 'Z';
    }
  return d;
}

/**
 * A point inside the unit's largest outer ring for its label: the middle of the widest stretch of
 * a horizontal line through the ring's centroid (the centroid itself can fall outside an L shape).
 */
function labelPoint(unit: AreaUnit, p: Projection): { x: number; y: number; width: number } | null {
  let best: { ring: [number, number][]; area: number } | null = null;
  for (const polygon of ringsOf(unit)) {
    const outer = polygon[0];
    if (!outer) continue;
    const ring = outer.map((pt): [number, number] => [p.x(pt[0]!), p.y(pt[1]!)]);
    let area = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      area += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    if (!best || Math.abs(area) > best.area) best = { ring, area: Math.abs(area) };
  }
  if (!best || best.area === 0) return null;
  const ring = best.ring;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    a += cross;
    cy += (ring[j]![1] + ring[i]![1]) * cross;
  }
  cy /= 3 * a;
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]!;
    const [x2, y2] = ring[i]!;
    if (y1 > cy !== y2 > cy) xs.push(x1 + ((cy - y1) / (y2 - y1)) * (x2 - x1));
  }
  xs.sort((m, n) => m - n);
  let bestSpan: { x: number; width: number } | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1]! - xs[i]!;
    if (!bestSpan || width > bestSpan.width) bestSpan = { x: (xs[i]! + xs[i + 1]!) / 2, width };
  }
  return bestSpan ? { x: bestSpan.x, y: cy, width: bestSpan.width } : null;
}

/** Text width in mm at a font size, counting CJK characters as one em and others as 0.6. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? size : size * 0.6;
  return w;
}

export function planMapSvg(input: PlanMapInput): string {
  const { width, height, language: lang } = input;
  const margin = 3;
  // The scale bar takes a strip along the bottom and the north arrow one along the right, so
  // neither is drawn over the plan.
  const frame = { x: margin, y: margin, w: width - 2 * margin - 12, h: height - 2 * margin - 10 };
  const bbox = bboxOf([...input.communities, ...input.grids], input.facilities);
  const label = t(lang, 'report.planMap');
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="plan-map" role="img" aria-label="${escapeHtml(label)}" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}">`;
  const border = `<rect x="0.1" y="0.1" width="${fmt(width - 0.2)}" height="${fmt(height - 0.2)}" fill="#fff" stroke="#999" stroke-width="0.2"/>`;
  if (!bbox) {
    const empty = t(lang, 'report.emptyPlan');
    return `${open}${border}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="4" fill="#666">${escapeHtml(empty)}</text></svg>`;
  }
  const p = fitProjection(bbox, frame.x, frame.y, frame.w, frame.h);
  const status = new Map(input.communityResults.map((r) => [r.id, r.band?.status ?? 'unknown']));
  const parts: string[] = [open, border];
  parts.push(
    `<defs><clipPath id="plan-map-frame"><rect x="${fmt(frame.x - 1)}" y="${fmt(frame.y - 1)}" width="${fmt(frame.w + 2)}" height="${fmt(frame.h + 2)}"/></clipPath></defs>`,
  );
  parts.push('<g clip-path="url(#plan-map-frame)">');
  parts.push(
    '<g class="communities" stroke="#333" stroke-width="0.3" stroke-linejoin="round" fill-opacity="0.6" fill-rule="evenodd">',
  );
  for (const u of input.communities) {
    const s = status.get(u.id) ?? 'unknown';
    parts.push(
      `<path d="${pathOf(u, p)}" fill="${REPORT_BAND_COLORS[s]}"><title>${escapeHtml(`${u.id} ${u.name}`)}</title></path>`,
    );
  }
  parts.push('</g>');
  parts.push('<g class="grids" fill="none" stroke="#222" stroke-width="0.15" stroke-dasharray="0.9 0.6">');
  for (const g of input.grids) parts.push(`<path d="${pathOf(g, p)}"/>`);
  parts.push('</g>');
  parts.push('<g class="facilities" stroke="#fff" stroke-width="0.08">');
  const [west, south, east, north] = bbox;
  for (const f of input.facilities) {
    if (f.lon < west || f.lon > east || f.lat < south || f.lat > north) continue;
    const [r, g, b] = facilityColor(f.category);
    parts.push(`<circle cx="${fmt(p.x(f.lon))}" cy="${fmt(p.y(f.lat))}" r="0.45" fill="rgb(${r},${g},${b})"/>`);
  }
  parts.push('</g>');
  // Community ids, where the community is wide enough on paper to hold one, link the map to the table.
  const size = 1.6;
  parts.push(
    `<g class="labels" font-size="${size}" text-anchor="middle" fill="#111" stroke="#fff" stroke-width="0.35" paint-order="stroke" stroke-linejoin="round">`,
  );
  for (const u of input.communities) {
    const at = labelPoint(u, p);
    if (!at || at.width < textWidth(u.id, size) + 1) continue;
    parts.push(`<text x="${fmt(at.x)}" y="${fmt(at.y + size * 0.35)}">${escapeHtml(u.id)}</text>`);
  }
  parts.push('</g></g>');

  // Scale bar: a round length near a fifth of the frame's width, in two halves.
  const metres = roundScaleLength(frame.w / 5 / p.mmPerMetre);
  const barLength = metres * p.mmPerMetre;
  const bx = frame.x + 2;
  const by = height - margin - 4;
  parts.push('<g class="scale-bar" font-size="2.4" fill="#222">');
  parts.push(`<rect x="${fmt(bx)}" y="${fmt(by)}" width="${fmt(barLength / 2)}" height="1.2" fill="#222"/>`);
  parts.push(
    `<rect x="${fmt(bx + barLength / 2)}" y="${fmt(by)}" width="${fmt(barLength / 2)}" height="1.2" fill="#fff" stroke="#222" stroke-width="0.2"/>`,
  );
  parts.push(
    `<rect x="${fmt(bx)}" y="${fmt(by)}" width="${fmt(barLength)}" height="1.2" fill="none" stroke="#222" stroke-width="0.2"/>`,
  );
  parts.push(`<text x="${fmt(bx)}" y="${fmt(by - 0.8)}" text-anchor="middle">0</text>`);
  parts.push(
    `<text x="${fmt(bx + barLength)}" y="${fmt(by - 0.8)}" text-anchor="middle">${escapeHtml(lengthLabel(metres, lang))}</text>`,
  );
  const ratio = Math.round(1000 / p.mmPerMetre / 100) * 100;
  parts.push(`<text x="${fmt(bx + barLength + 8)}" y="${fmt(by + 1.1)}">1 : ${ratio.toLocaleString('en-US')}</text>`);
  parts.push('</g>');

  // North arrow in the right-hand strip.
  const nx = width - margin - 6;
  const ny = margin + 3;
  parts.push(`<g class="north-arrow" fill="#222" font-size="3.2" text-anchor="middle">`);
  parts.push(`<text x="${fmt(nx)}" y="${fmt(ny + 2.5)}">${t(lang, 'report.north')}</text>`);
  parts.push(`<path d="M${fmt(nx)} ${fmt(ny + 3.5)}L${fmt(nx + 2.5)} ${fmt(ny + 11)}L${fmt(nx)} ${fmt(ny + 9.2)}Z"/>`);
  parts.push(
    `<path d="M${fmt(nx)} ${fmt(ny + 3.5)}L${fmt(nx - 2.5)} ${fmt(ny + 11)}L${fmt(nx)} ${fmt(ny + 9.2)}Z" fill="#fff" stroke="#222" stroke-width="0.2"/>`,
  );
  parts.push('</g></svg>');
  return parts.join('');
}
