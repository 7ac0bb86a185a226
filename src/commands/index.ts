// The command layer's surface: the Command type, runCommand, and the reasons a view may compare a
// failure with (a paint stroke over blocks already in place is no news to show).
export { runCommand, type Command, type EditResult, type NameLanguage, type PlanContext } from './command';
export type { AreaCommand } from './area-commands';
export type { FacilityCommand, FacilityPatch } from './facility-commands';
export type { PlanCommand } from './plan-commands';
export { EDIT_REASONS } from '../core/edit/edit-result';
