// The active rule profile and the user's own profiles (saved in localStorage). Editing a
// threshold edits a working copy; "save" stores it under the user's name.
import { BUILT_IN_PROFILES, DEFAULT_PROFILE_ID } from '../core/profiles';
import { validateProfile, type RuleProfile } from '../core/rule-profile';

const STORAGE_KEY = 'shequ-planner.profiles.v1';
const ACTIVE_KEY = 'shequ-planner.active-profile.v1';

function readUserProfiles(): RuleProfile[] {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return [];
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list.filter((p) => validateProfile(p).length === 0) as RuleProfile[]) : [];
  } catch {
    return [];
  }
}

export class ProfileStore {
  userProfiles = $state.raw<RuleProfile[]>(readUserProfiles());
  active = $state.raw<RuleProfile>(BUILT_IN_PROFILES.find((p) => p.id === DEFAULT_PROFILE_ID)!);
  /** True when the active profile has edits not yet saved. */
  modified = $state(false);

  constructor() {
    const id = globalThis.localStorage?.getItem(ACTIVE_KEY);
    const found = id ? this.all.find((p) => p.id === id) : undefined;
    if (found) this.active = found;
  }

  get all(): RuleProfile[] {
    return [...BUILT_IN_PROFILES, ...this.userProfiles];
  }

  select(id: string): void {
    const p = this.all.find((x) => x.id === id);
    if (!p) return;
    this.active = p;
    this.modified = false;
    globalThis.localStorage?.setItem(ACTIVE_KEY, id);
  }

  /** Applies an edited copy of the active profile (thresholds changed in the editor). */
  edit(profile: RuleProfile): void {
    this.active = profile;
    this.modified = true;
  }

  /** Saves the active profile as a user profile (a copy when it is built in). */
  save(name: string): RuleProfile {
    const base = this.active;
    const id = base.builtIn ? `user-${Date.now().toString(36)}` : base.id;
    const saved: RuleProfile = { ...base, id, builtIn: false, name: { zh: name, en: name } };
    this.userProfiles = [...this.userProfiles.filter((p) => p.id !== id), saved];
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(this.userProfiles));
    this.active = saved;
    this.modified = false;
    globalThis.localStorage?.setItem(ACTIVE_KEY, id);
    return saved;
  }

  /**
   * Takes in the profiles a project file carries (valid ones only, never as built-in) and makes
   * `activeId` active: a plan opens under the rules it was saved with.
   */
  adopt(profiles: readonly unknown[], activeId: string): void {
    const valid = profiles
      .filter((p): p is RuleProfile => validateProfile(p).length === 0)
      .map((p) => ({ ...p, builtIn: false }));
    const builtInIds = new Set(BUILT_IN_PROFILES.map((p) => p.id));
    const incoming = valid.filter((p) => !builtInIds.has(p.id));
    if (incoming.length) {
      const ids = new Set(incoming.map((p) => p.id));
      this.userProfiles = [...this.userProfiles.filter((p) => !ids.has(p.id)), ...incoming];
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(this.userProfiles));
    }
    this.select(activeId);
  }

  remove(id: string): void {
    this.userProfiles = this.userProfiles.filter((p) => p.id !== id);
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(this.userProfiles));
    if (this.active.id === id) this.select(DEFAULT_PROFILE_ID);
  }
}
