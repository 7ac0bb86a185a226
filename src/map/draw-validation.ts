// What Terra Draw may accept while a polygon is drawn: a ring that crosses itself is refused at
// the click that would make it (and at the closing click), so it never reaches a command. The
// moving preview is left alone: refusing it would only freeze the cursor's rubber band.
import { ValidateNotSelfIntersecting, type GeoJSONStoreFeatures } from 'terra-draw';

export function validateDrawnPolygon(
  feature: GeoJSONStoreFeatures,
  context: { updateType: string },
): { valid: boolean; reason?: string } {
  if (context.updateType === 'provisional') return { valid: true };
  return ValidateNotSelfIntersecting(feature);
}
