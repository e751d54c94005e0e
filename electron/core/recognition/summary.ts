import type { PointSource, RecognitionSummary, TeamBoard, TeamBoardPerson } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import { localDayOf, localToday } from '../onboarding/dates.js';
import { learnerView, takesPart } from '../onboarding/learnerView.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { KeySet } from '../trust/signing.js';
import { keyOwnerName, keySetOf } from '../trust/verify.js';
import { badgesOf, pointEvents, POINT_SOURCE_NAMES, POINTS } from './points.js';
import { verifiedRecognitions } from './recognitions.js';

type Profile = Data['profiles'][number];
type Source = Pick<Store, 'shared' | 'records'>;

const RECENT = 10;

function summaryOf(store: Source, pack: Pack, profile: Profile, today: string, keys: KeySet): RecognitionSummary {
  const records = store.records(profile.id);
  const view = learnerView(records, pack, profile, today, keys);
  const events = pointEvents(view);
  const month = today.slice(0, 7);
  const recognitions = verifiedRecognitions(records, keys, (id) => keyOwnerName(store.shared.profiles, pack, id));
  const bySource = Object.fromEntries(POINT_SOURCE_NAMES.map((s) => [s, 0])) as Record<PointSource, number>;
  let total = 0, thisMonth = 0;
  for (const e of events) {
    bySource[e.source] += e.points;
    total += e.points;
    if (localDayOf(e.at).startsWith(month)) thisMonth += e.points;
  }
  const { badges, next } = badgesOf(events, recognitions.list);
  return {
    profileId: profile.id, month, points: { total, thisMonth, bySource }, badges, nextBadges: next,
    recognitions: recognitions.list, unverifiedRecognitions: recognitions.unverified,
    recent: events.slice(-RECENT).reverse(), pointValues: POINTS,
  };
}

/** One learner's points, badges and recognitions, from their records as they are now. */
export function getRecognition(store: Source, pack: Pack, profileId: string, now = new Date()): RecognitionSummary {
  const profile = requireProfile(store as Store, profileId);
  return summaryOf(store, pack, profile, localToday(now), keySetOf(store.shared, pack));
}

/** This month's points of every learner, by role: roles and people with the most points first. */
export function teamBoard(store: Source, pack: Pack, now = new Date()): TeamBoard {
  const today = localToday(now);
  const keys = keySetOf(store.shared, pack);
  const byRole = new Map<string, TeamBoardPerson[]>();
  for (const profile of store.shared.profiles) {
    if (!takesPart(learnerView(store.records(profile.id), pack, profile, today, keys))) continue;
    const s = summaryOf(store, pack, profile, today, keys);
    const people = byRole.get(profile.roleId) ?? [];
    people.push({ profileId: profile.id, name: profile.name, points: s.points.thisMonth, badges: s.badges.length });
    byRole.set(profile.roleId, people);
  }
  const roles = [...byRole].map(([roleId, people]) => ({
    roleId,
    points: people.reduce((n, p) => n + p.points, 0),
    people: people.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name)),
  })).sort((a, b) => b.points - a.points || a.roleId.localeCompare(b.roleId));
  return { enabled: !!store.shared.settings.teamBoard, month: today.slice(0, 7), roles, pointValues: POINTS };
}
