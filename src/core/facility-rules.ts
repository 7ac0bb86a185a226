// Facility requirements per community, from the profile: a facility of a category inside the
// community (一委一居一站一办, culture room, police office…), or within a walking distance of a
// share of its households (complete-community basic services), and the service centre's floor
// area (J3: ≥ 20 m² per 100 households and never below 400 m²). Results are flags citing the rule.
import { facilityCategory } from './facility-categories';
import { makeFlag } from './flag-registry';
import type { AreaUnit, Facility, Flag } from './model';
import type { RuleProfile } from './rule-profile';
import { unitSubject } from './size-rules';

export interface CommunityFacilityInput {
  unit: AreaUnit;
  households: number;
  /** Facilities lying inside the community. */
  inside: readonly Facility[];
  /** category → metres (string) → share of the community's households within it; null when unknown. */
  coverage: Record<string, Record<string, number>> | null;
}

function categoryNames(categories: readonly string[]): { zh: string; en: string } {
  const names = categories.map((c) => facilityCategory(c)?.name ?? { zh: c, en: c });
  return { zh: names.map((n) => n.zh).join('或'), en: names.map((n) => n.en.toLowerCase()).join(' or ') };
}

/** The share of households within `distance` of any of the categories: the best single category. */
function bestShare(
  coverage: CommunityFacilityInput['coverage'],
  categories: readonly string[],
  distance: number,
): number | null {
  if (!coverage) return null;
  let best: number | null = null;
  for (const c of categories) {
    const byDistance = coverage[c];
    if (!byDistance) continue;
    const exact = byDistance[String(distance)];
    if (exact !== undefined) best = Math.max(best ?? 0, exact);
  }
  return best;
}

export function requiredServiceArea(profile: RuleProfile, households: number): number | null {
  const rule = profile.serviceArea;
  if (!rule) return null;
  return Math.max(rule.minimum, (rule.perHundredHouseholds * households) / 100);
}

export function evaluateFacilityRequirements(profile: RuleProfile, input: CommunityFacilityInput): Flag[] {
  const flags: Flag[] = [];
  const subject = unitSubject(input.unit);
  const categoriesInside = new Set(input.inside.map((f) => f.category));
  for (const req of profile.facilityRequirements) {
    const names = categoryNames(req.categories);
    const label = { zh: req.name.zh.includes('：') ? req.name.zh : names.zh, en: names.en };
    if (req.within === 'inside') {
      if (req.categories.some((c) => categoriesInside.has(c))) continue;
      const flag = makeFlag('facility.missing', req.source, [input.unit.id], { subject, detail: label }, req.severity);
      flags.push(flag);
    } else {
      const share = bestShare(input.coverage, req.categories, req.within);
      const needed = req.share ?? 1;
      if (share === null || share >= needed - 1e-9) continue;
      const flag = makeFlag(
        'facility.not-within-reach',
        req.source,
        [input.unit.id],
        { subject, measured: share * 100, limit: req.within, detail: label },
        req.severity,
      );
      flags.push(flag);
    }
  }
  const rule = profile.serviceArea;
  if (rule) {
    const stations = input.inside.filter((f) => rule.categories.includes(f.category));
    const withArea = stations.filter((f) => typeof f.floorArea === 'number' && Number.isFinite(f.floorArea));
    // Only judge the area when the inventory gives one; a missing station is flagged above.
    if (withArea.length > 0) {
      const area = withArea.reduce((s, f) => s + f.floorArea!, 0);
      const required = requiredServiceArea(profile, input.households)!;
      if (area < required) {
        const flag = makeFlag('facility.service-area-small', rule.source, [input.unit.id], {
          subject,
          measured: area,
          limit: required,
        });
        flags.push(flag);
      }
    }
  }
  return flags;
}
