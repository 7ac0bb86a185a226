// The built-in rule profiles, shipped as JSON data (STANDARDS.md seed profiles).
import type { RuleProfile } from '../rule-profile';
import jiangsu from './jiangsu-2011.json';
import chengdu from './chengdu-2002.json';
import yizheng from './yizheng-2013.json';

export const BUILT_IN_PROFILES: readonly RuleProfile[] = [jiangsu, chengdu, yizheng] as RuleProfile[];
export const DEFAULT_PROFILE_ID = 'jiangsu-2011';

export function builtInProfile(id: string): RuleProfile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}
