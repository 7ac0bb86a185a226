// Every citation a user can see — each built-in profile's sources and the plan-wide rules' sources
// as each profile cites them — reads as a document and a clause: no working notes in them, and a
// document of another place than the profile's own says it is borrowed.
import { describe, expect, it } from 'vitest';
import { borrowedPrefix, FIXED_SOURCES, fixedSourcesFor } from './flag-registry';
import type { RuleSource } from './model';
import { BUILT_IN_PROFILES } from './profiles';
import { profileSources, validateProfile, type RuleProfile } from './rule-profile';

/** Documents that bind everywhere: citing them borrows nothing. */
const NATIONAL = ['GB 50180-2018', '完整居住社区建设标准'];
/** Places whose documents the profiles cite, as the document names them first. */
const PLACES: Record<string, string> = {
  江苏: 'Jiangsu',
  成都: 'Chengdu',
  仪征: 'Yizheng',
  河南: 'Henan',
  上海: 'Shanghai',
};

/** The place a document belongs to, null for a national standard; unknown documents fail the test. */
function placeOf(document: string): string | null {
  if (NATIONAL.some((d) => document.startsWith(d))) return null;
  const place = Object.keys(PLACES).find((p) => document.startsWith(p));
  if (!place) throw new Error(`no place known for the document "${document}": add it to this test`);
  return place;
}

function citedSources(profile: RuleProfile): [string, RuleSource][] {
  return [
    ...profileSources(profile),
    ...Object.entries(fixedSourcesFor(profile)).map(([k, s]): [string, RuleSource] => [`plan rule ${k}`, s]),
  ];
}

const WORKING_NOTES = /STANDARDS|unverified|⚠|to be checked|local practice/i;

describe('rule citations', () => {
  it('walks sources in every part of a profile', () => {
    for (const profile of BUILT_IN_PROFILES) {
      const where = profileSources(profile).map(([w]) => w);
      expect(where).toContain('grid');
      expect(where).toContain('livingCircle');
      expect(where.filter((w) => w.startsWith('communityTypes')).length).toBe(profile.communityTypes.length);
      expect(where.filter((w) => w.startsWith('facilityRequirements')).length).toBe(
        profile.facilityRequirements.length,
      );
    }
  });

  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))(
    '%s cites documents and clauses, with notes kept apart',
    (_, profile) => {
      for (const [where, source] of [...citedSources(profile), ...Object.entries(FIXED_SOURCES)]) {
        expect(source.document, `${where} document`).not.toMatch(WORKING_NOTES);
        expect(source.clause, `${where} clause`).not.toMatch(WORKING_NOTES);
        expect(source.document.trim(), `${where} document`).not.toBe('');
        expect(source.clause.trim(), `${where} clause`).not.toBe('');
        if (source.note) {
          expect(source.note.zh, `${where} note`).not.toBe('');
          expect(source.note.en, `${where} note`).not.toBe('');
        }
      }
    },
  );

  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))(
    '%s says where it borrows another place’s document',
    (_, profile) => {
      const own = (profile.jurisdictions ?? []).map((j) => j.zh);
      expect(own.length).toBeGreaterThan(0);
      const borrowed = new Set<string>();
      for (const [where, source] of citedSources(profile)) {
        const place = placeOf(source.document);
        if (place === null || own.includes(place)) {
          expect(source.borrowedFrom, `${where} is ${profile.id}'s own rule`).toBeUndefined();
          expect(source.clause, `${where} is ${profile.id}'s own rule`).not.toContain('借用');
          continue;
        }
        borrowed.add(place);
        expect(source.borrowedFrom, `${where} borrows ${place}'s document`).toEqual({ zh: place, en: PLACES[place] });
        expect(source.clause.startsWith(borrowedPrefix({ zh: place, en: PLACES[place]! })), `${where} clause`).toBe(
          true,
        );
      }
      // The description tells a user choosing the profile which places it borrows from.
      for (const place of borrowed) {
        expect(profile.description.zh, `${profile.id} description`).toMatch(new RegExp(`借用[^。]*${place}`));
        expect(profile.description.en, `${profile.id} description`).toMatch(
          new RegExp(`Borrowed[\\s\\S]*${PLACES[place]}`),
        );
      }
    },
  );

  it('cites the Jiangsu profile’s Chengdu, Henan and Shanghai rules as borrowed', () => {
    const jiangsu = BUILT_IN_PROFILES.find((p) => p.id === 'jiangsu-2011')!;
    const places = new Set(citedSources(jiangsu).flatMap(([, s]) => (s.borrowedFrom ? [s.borrowedFrom.zh] : [])));
    expect([...places].sort()).toEqual(['上海', '成都', '河南'].sort());
  });
});

describe('profile validation of source notes', () => {
  it('accepts every built-in profile, with its notes, borrowings and jurisdictions', () => {
    for (const profile of BUILT_IN_PROFILES) expect(validateProfile(profile)).toEqual([]);
  });

  it('rejects a note or borrowing that is not bilingual, and malformed jurisdictions', () => {
    const base = BUILT_IN_PROFILES[0]!;
    const withGrid = (source: object) => ({
      ...base,
      grid: { ...base.grid, source: { ...base.grid.source, ...source } },
    });
    expect(validateProfile(withGrid({ note: 'unchecked' }))).toEqual(['grid.source.note needs "zh" and "en"']);
    expect(validateProfile(withGrid({ borrowedFrom: { zh: '成都' } }))).toEqual([
      'grid.source.borrowedFrom needs "zh" and "en"',
    ]);
    expect(validateProfile({ ...base, jurisdictions: ['江苏'] })).toEqual([
      'profile "jurisdictions" must be a list of place names, each with "zh" and "en"',
    ]);
    // A profile saved before these fields existed is still usable.
    const { jurisdictions: _, ...older } = base;
    expect(validateProfile(older)).toEqual([]);
  });
});
