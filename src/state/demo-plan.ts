// The demo and the synthetic city as whole plans: their layers (from the loaders) with the
// basemap water and the credits for their data, so the map credits 链家 and 高德 only while the
// demo's households and facilities are on it.
import { msg } from '../core/i18n';
import type { PlanLayers } from '../core/transaction';
import { OSM_CREDIT } from '../core/plan-lifecycle';
import { pageDemoInSteps, wholeDemo } from './demo-bundle';

export const DEMO_CREDITS: PlanLayers['credits'] = {
  households: msg('credit.demoHouseholds'),
  facilities: msg('credit.demoFacilities'),
  roads: OSM_CREDIT,
  blocks: OSM_CREDIT,
  water: OSM_CREDIT,
};

const SYNTHETIC = msg('credit.synthetic');
export const CITY_CREDITS: PlanLayers['credits'] = {
  households: SYNTHETIC,
  communities: SYNTHETIC,
  roads: SYNTHETIC,
  facilities: SYNTHETIC,
};

export async function loadDemoPlan(): Promise<PlanLayers> {
  return { ...(await wholeDemo()), credits: DEMO_CREDITS };
}

/** The demo in two steps when the page carries it: the first table's layers now, the rest after. */
export function demoPlanInSteps(): { first: PlanLayers; complete: Promise<PlanLayers> } | null {
  const steps = pageDemoInSteps();
  if (!steps) return null;
  return {
    first: { ...steps.first, credits: DEMO_CREDITS },
    complete: steps.complete.then((layers) => ({ ...layers, credits: DEMO_CREDITS })),
  };
}
