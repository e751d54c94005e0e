import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames, type HandbookApi, type MethodName } from '../../electron/contract';
import { SESSION_IDLE_MS } from '../../electron/core/profiles/sessions';
import { createCore } from '../../electron/core/index';
import { startServer } from '../../electron/server/http-server';
import { createClient } from '../../renderer/src/api/client';
import { FIXTURE_PACK } from './harness';

/**
 * The permission scenario test (like BookStack's): every contract method × every kind of caller →
 * allowed or refused, over both transports. "Refused" means the call answered `unauthorized` or
 * `forbidden` and changed nothing; "allowed" means it got past the gate (it may still fail for
 * another reason, e.g. `not_found` or `unavailable`). A method without a row fails the test.
 */
export type CallerName = 'none' | 'learner' | 'otherLearner' | 'trainer' | 'lockedTrainer' | 'expired';
export const CALLERS: CallerName[] = ['none', 'learner', 'otherLearner', 'trainer', 'lockedTrainer', 'expired'];

const PASS = 'trainer passphrase 1';
const PASS2 = 'trainer passphrase 2';
const LEARNER_PIN = '2580';

/** What a caller holds and knows. */
interface Caller {
  /** The session token the caller sends (none: no token at all). */
  token: string | undefined;
  /** Knows learner A's PIN. */
  knowsLearnerPin: boolean;
  /** The trainer the caller is or claims to be, and the passphrase they type. */
  trainer: { id: string; passphrase: string };
}

/** Ids every row can aim at: learner A (with a PIN) is the one whose records are at stake. */
interface World { learnerA: string; learnerC: string; trainerT: string; trainerT2: string; backup: string }

type Row = (w: World, c: Caller) => unknown;
const T = 'trainer-only', S = 'self-or-trainer', W = 'self-only', A = 'anyone', X = 'anyone-with-a-session';
type Rule = typeof T | typeof S | typeof W | typeof A | typeof X | Partial<Record<CallerName, boolean>>;

const tok = (c: Caller) => (c.token === undefined ? {} : { token: c.token });
const stepRef = (w: World) => ({ profileId: w.learnerA, trackId: 'customer-service' });
const HEX32 = 'a'.repeat(32);

/** method → [argument for a caller, who may]. Ordered: the rows that end sessions run last. */
export const TABLE: Record<MethodName, [Row, Rule]> = {
  getAppInfo: [() => ({}), A],
  listProfiles: [() => ({}), A],
  getSettings: [() => ({}), A],
  updateSettings: [() => ({ theme: 'dark' }), A],
  listArticles: [() => ({}), A],
  getArticle: [() => ({ id: 'cs/refunds' }), A],
  listRoles: [() => ({}), A],
  getRole: [() => ({ id: 'customer-service' }), A],
  listProblems: [() => ({}), A],
  search: [() => ({ query: '退款' }), A],
  searchStatus: [() => ({}), A],
  listTracks: [() => ({}), A],
  getQuiz: [() => ({ quizId: 'cs-basics' }), A],
  listTemplates: [() => ({}), A],
  pickContentFolder: [() => ({}), A],
  savePageAsPdf: [() => ({ fileName: 'x.pdf' }), A],
  // Opening a learner's session takes the learner's PIN: only the learner knows it.
  openProfileSession: [(w, c) => ({ profileId: w.learnerA, ...(c.knowsLearnerPin ? { pin: LEARNER_PIN } : {}) }), { learner: true }],
  // Unlocking takes the passphrase: the trainer knows it (also once their session expired); a locked-out one must wait.
  openEditSession: [(_w, c) => ({ profileId: c.trainer.id, passphrase: c.trainer.passphrase }), { trainer: true, expired: true }],
  // A trainer is created only by a trainer (the first one of an empty handbook aside: see trust tests).
  createProfile: [(_w, c) => ({ name: 'New trainer', roleId: 'customer-service', trainer: true, passphrase: 'new trainer pass', ...tok(c) }), T],
  getProgress: [(w, c) => ({ ...tok(c), profileId: w.learnerA }), S],
  getReadingList: [(w, c) => ({ ...tok(c), profileId: w.learnerA }), S],
  exportProgress: [(w, c) => ({ ...tok(c), format: 'json', profileId: w.learnerA }), S],
  completeStep: [(w, c) => ({ ...tok(c), ...stepRef(w), stepId: 'task-login' }), W],
  uncompleteStep: [(w, c) => ({ ...tok(c), ...stepRef(w), stepId: 'task-login' }), W],
  submitQuiz: [(w, c) => ({ ...tok(c), ...stepRef(w), stepId: 'quiz-basics', answers: {} }), W],
  requestSignoff: [(w, c) => ({ ...tok(c), ...stepRef(w), stepId: 'signoff-day1' }), W],
  // Question bank: an attempt is drawn for the learner taking it, and practice is the learner's own;
  // a trainer may read a learner's 错题本 (to coach), never take or practise in their place.
  startQuizAttempt: [(w, c) => ({ ...tok(c), ...stepRef(w), stepId: 'quiz-basics' }), W],
  getMistakes: [(w, c) => ({ ...tok(c), profileId: w.learnerA }), S],
  answerPractice: [(w, c) => ({ ...tok(c), profileId: w.learnerA, quizId: 'cs-basics', questionId: 'q1', answer: 0 }), W],
  setBookmark: [(w, c) => ({ ...tok(c), profileId: w.learnerA, articleId: 'cs/refunds', bookmarked: true }), W],
  recordView: [(w, c) => ({ ...tok(c), profileId: w.learnerA, articleId: 'cs/refunds' }), W],
  signOff: [(w, c) => ({ ...tok(c), ...stepRef(w), stepId: 'signoff-day1' }), T],
  getDashboard: [(_w, c) => ({ ...tok(c) }), T],
  importProgress: [(_w, c) => ({ ...tok(c), data: JSON.stringify({ format: 'handbook-progress', version: 1, exportedAt: '2026-01-01T00:00:00Z', profiles: [], completions: [], uncompletions: [], quizAttempts: [], signoffRequests: [] }) }), T],
  backupDatabase: [(_w, c) => ({ ...tok(c) }), T],
  setContentFolder: [(_w, c) => ({ ...tok(c), path: null }), T],
  getArticleSource: [(_w, c) => ({ ...tok(c), id: 'cs/refunds' }), T],
  previewMarkdown: [(_w, c) => ({ ...tok(c), markdown: '# hi' }), T],
  saveArticle: [(_w, c) => ({ ...tok(c), id: 'cs/refunds', baseHash: 'stale', fields: {}, body: 'x' }), T],
  renameArticle: [(_w, c) => ({ ...tok(c), id: 'cs/nope', newId: 'cs/nope2' }), T],
  deleteContent: [(_w, c) => ({ ...tok(c), kind: 'article', id: 'cs/nope' }), T],
  listTrash: [(_w, c) => ({ ...tok(c) }), T],
  restoreFromTrash: [(_w, c) => ({ ...tok(c), trashId: 'nope' }), T],
  saveAsset: [(_w, c) => ({ ...tok(c), articleId: 'cs/refunds', name: 'x.png', data: 'AAAA' }), T],
  getTrackSource: [(_w, c) => ({ ...tok(c), id: 'customer-service' }), T],
  saveTrack: [(_w, c) => ({ ...tok(c), id: 'customer-service', baseHash: 'stale', track: { title: 't', roleId: 'customer-service', phases: [] } }), T],
  listQuizzes: [(_w, c) => ({ ...tok(c) }), T],
  getQuizSource: [(_w, c) => ({ ...tok(c), id: 'cs-basics' }), T],
  saveQuiz: [(_w, c) => ({ ...tok(c), id: 'cs-basics', baseHash: 'stale', quiz: { title: 'q', passMark: 50, questions: [] } }), T],
  getContentHealth: [(_w, c) => ({ ...tok(c) }), T],
  exportPack: [(_w, c) => ({ ...tok(c) }), T],
  uploadPackChunk: [(_w, c) => ({ ...tok(c), offset: 0, data: 'UEs=' }), T],
  previewPackImport: [(_w, c) => ({ ...tok(c), uploadId: HEX32 }), T],
  applyPackImport: [(_w, c) => ({ ...tok(c), uploadId: HEX32 }), T],
  listPackBackups: [(_w, c) => ({ ...tok(c) }), T],
  restorePackBackup: [(_w, c) => ({ ...tok(c), backupId: '2020-01-01T00-00-00-000Z' }), T],
  // Team mode: the status and "what changed" are about content everyone reads; a sync only ever
  // fast-forwards what readers see. Joining and settling conflicts change the content: trainers.
  getTeamStatus: [() => ({}), A],
  // The roster is names and roles (no secrets); adopting a learner is open like creating one (a trainer: see team/roster tests).
  listTeamRoster: [() => ({}), A],
  adoptTeamProfile: [() => ({ profileId: 'not-in-the-roster' }), A],
  // Without a token a sync only fetches (anyone's "Check now"); a token asks to publish: a trainer's only.
  syncTeam: [(_w, c) => ({ ...tok(c) }), { none: true, trainer: true }],
  listTeamChanges: [(w) => ({ profileId: w.learnerA }), A],
  markTeamChangesSeen: [(w) => ({ profileId: w.learnerA }), A],
  joinTeam: [(_w, c) => ({ ...tok(c), url: 'http://127.0.0.1:9/none.git', name: 'T', email: 't@example.com', username: '', password: '', contentDir: '/nonexistent/handbook-team-perm' }), T],
  getTeamConflict: [(_w, c) => ({ ...tok(c), path: 'articles/none.md' }), T],
  resolveTeamConflict: [(_w, c) => ({ ...tok(c), path: 'articles/none.md', choice: 'mine' }), T],
  // Publishing sends a trainer's content to the team, and its settings decide how: trainers. What waits is for everyone to see.
  publishTeam: [(_w, c) => ({ ...tok(c) }), T],
  getTeamPublishing: [() => ({}), A],
  setTeamPublishing: [(_w, c) => ({ ...tok(c), autoPublish: false, review: false }), T],
  // Reviewing others' proposals and merging one into the team branch is publishing: trainers.
  listTeamReviews: [(_w, c) => ({ ...tok(c) }), T],
  mergeTeamReview: [(_w, c) => ({ ...tok(c), branch: 'review/someone', oid: '0'.repeat(40) }), T],
  // 阅读确认: a person confirms only for themselves (a trainer reads, never confirms for them); policies and reports are trainers'.
  listMyAcknowledgements: [(w, c) => ({ ...tok(c), profileId: w.learnerA }), S],
  confirmAcknowledgement: [(w, c) => ({ ...tok(c), profileId: w.learnerA, articleId: 'cs/refunds', version: 1, contentHash: 'stale' }), W],
  getAcknowledgementPolicy: [(_w, c) => ({ ...tok(c), articleId: 'cs/refunds' }), T],
  setAcknowledgementPolicy: [(_w, c) => ({ ...tok(c), articleId: 'cs/refunds', baseHash: 'stale', policy: { roles: 'all', due: '2026-12-31' }, material: true }), T],
  getAcknowledgementReport: [(_w, c) => ({ ...tok(c) }), T],
  exportAcknowledgements: [(_w, c) => ({ ...tok(c) }), T],
  // "Still valid" is a signed trainer fact: trainers only, whoever the owner field names.
  verifyArticle: [(_w, c) => ({ ...tok(c), articleId: 'cs/refunds', contentHash: 'stale' }), T],
  getReviewQueue: [(_w, c) => ({ ...tok(c), scope: 'all' }), T],
  // Recognition: a learner's points are theirs and a trainer's to read; a 表彰 is a signed trainer fact.
  getRecognition: [(w, c) => ({ ...tok(c), profileId: w.learnerA }), S],
  giveRecognition: [(w, c) => ({ ...tok(c), profileId: w.learnerA, title: 'Star of the month', note: 'calm with an angry buyer' }), T],
  // The team board is off in this world (the default): only a trainer previews it (on, any session: see recognition tests).
  getTeamBoard: [(_w, c) => ({ ...tok(c) }), T],
  setTeamBoard: [(_w, c) => ({ ...tok(c), enabled: false }), T],
  getCharts: [(_w, c) => ({ ...tok(c) }), T],
  deleteProfile: [(w, c) => ({ ...tok(c), profileId: w.learnerC }), T],
  restoreDatabase: [(w, c) => ({ ...tok(c), content: w.backup, confirm: true }), T],
  // Setting a passphrase takes the current one: the trainer's own (the same again, so nothing changes but their sessions end).
  setPassphrase: [(_w, c) => ({ profileId: c.trainer.id, current: c.trainer.passphrase, passphrase: c.trainer.passphrase }), { trainer: true, expired: true }],
  closeEditSession: [(_w, c) => ({ ...tok(c) }), X],
};

function allowedBy(rule: Rule, caller: CallerName): boolean {
  if (typeof rule === 'object') return !!rule[caller];
  if (rule === A) return true;
  if (rule === X) return caller !== 'none';
  if (rule === T) return caller === 'trainer';
  if (rule === S) return caller === 'learner' || caller === 'trainer';
  return caller === 'learner'; // W
}

type Transport = (core: Awaited<ReturnType<typeof createCore>>) => Promise<{ api: HandbookApi; close(): Promise<void> }>;

export const directTransport: Transport = async (core) => ({ api: core, close: async () => {} });
export const httpTransport: Transport = async (core) => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-perm-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startServer({ api: core, contentDir: () => core.contentDir, staticDir, token: 'permission-test-token-0123456789' });
  const statuses: number[] = [];
  const api = createClient(async (method, arg) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(arg),
    });
    statuses.push(res.status);
    const env = await res.json();
    // The contract: a refusal is HTTP 403 in browser mode.
    if (!env.ok && (env.error.code === 'unauthorized' || env.error.code === 'forbidden')) expect(res.status).toBe(403);
    return env;
  });
  return { api, close: () => server.close() };
};

/** A fresh handbook with two learners (A with a PIN), two trainers (T2 locked out), and the caller's session. */
async function world(caller: CallerName, transport: Transport) {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-perm-pack-'));
  fs.cpSync(FIXTURE_PACK, contentDir, { recursive: true });
  let clock = 0;
  const core = await createCore({ contentDir, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-perm-data-')), now: () => clock });
  const { api, close } = await transport(core);
  const t = await api.createProfile({ name: 'T', roleId: 'customer-service', trainer: true, passphrase: PASS });
  const tt = (await api.openEditSession({ profileId: t.id, passphrase: PASS })).token;
  const t2 = await api.createProfile({ name: 'T2', roleId: 'customer-service', trainer: true, passphrase: PASS2, token: tt });
  // A third trainer, unlocked last, only to look at the whole database around refused calls.
  const t3 = await api.createProfile({ name: 'T3', roleId: 'customer-service', trainer: true, passphrase: PASS, token: tt });
  const a = await api.createProfile({ name: 'A', roleId: 'customer-service', pin: LEARNER_PIN });
  const b = await api.createProfile({ name: 'B', roleId: 'customer-service' });
  const c = await api.createProfile({ name: 'C', roleId: 'customer-service' });
  const w: World = { learnerA: a.id, learnerC: c.id, trainerT: t.id, trainerT2: t2.id, backup: (await api.backupDatabase({ token: tt })).content };
  const guess = { id: t.id, passphrase: 'a wrong guess' };
  let who: Caller;
  switch (caller) {
    case 'none': who = { token: undefined, knowsLearnerPin: false, trainer: guess }; break;
    case 'learner': who = { token: (await api.openProfileSession({ profileId: a.id, pin: LEARNER_PIN })).token, knowsLearnerPin: true, trainer: guess }; break;
    case 'otherLearner': who = { token: (await api.openProfileSession({ profileId: b.id })).token, knowsLearnerPin: false, trainer: guess }; break;
    case 'trainer': who = { token: tt, knowsLearnerPin: false, trainer: { id: t.id, passphrase: PASS } }; break;
    case 'lockedTrainer': {
      // Five wrong guesses lock T2 out; T2 still has their own profile's session, which carries no trainer rights.
      for (let i = 0; i < 5; i++) await api.openEditSession({ profileId: t2.id, passphrase: 'wrong guess ' + i }).catch(() => {});
      who = { token: (await api.openProfileSession({ profileId: t2.id })).token, knowsLearnerPin: false, trainer: { id: t2.id, passphrase: PASS2 } };
      break;
    }
    case 'expired': {
      who = { token: tt, knowsLearnerPin: false, trainer: { id: t.id, passphrase: PASS } };
      clock += SESSION_IDLE_MS + 1;
      break;
    }
  }
  const admin = (await api.openEditSession({ profileId: t3.id, passphrase: PASS })).token;
  const snapshot = async () => JSON.stringify(JSON.parse((await api.backupDatabase({ token: admin })).content));
  return { api, w, who, snapshot, close: async () => { await close(); await core.close(); } };
}

export function permissionScenario(name: string, transport: Transport) {
  describe(`permission scenario (${name})`, () => {
    it('has a row for every contract method', () => {
      expect(Object.keys(TABLE).sort()).toEqual([...methodNames].sort());
    });

    for (const caller of CALLERS) {
      it(`${caller}: every method is allowed or refused as the table says`, async () => {
        const { api, w, who, snapshot, close } = await world(caller, transport);
        const outcomes: string[] = [];
        try {
          for (const method of Object.keys(TABLE) as MethodName[]) {
            const [arg, rule] = TABLE[method];
            let outcome: 'allowed' | 'refused';
            const before = await snapshot();
            try {
              await (api[method] as (a: unknown) => Promise<unknown>)(arg(w, who));
              outcome = 'allowed';
            } catch (err) {
              const e = err as { code?: string; key?: string; message: string };
              // A row whose argument does not even pass the schema tests nothing: fix the row.
              if (e.code === 'bad_request' && e.key?.startsWith('invalid.')) throw new Error(`${method}: the table's argument is invalid: ${e.message}`);
              outcome = e.code === 'unauthorized' || e.code === 'forbidden' ? 'refused' : 'allowed';
              // Never a partial effect: a refused call leaves the database as it was.
              if (outcome === 'refused' && (await snapshot()) !== before) outcomes.push(`${method}: refused but changed the database`);
            }
            const want = allowedBy(rule, caller) ? 'allowed' : 'refused';
            outcomes.push(`${method}: ${outcome === want ? 'ok' : `got ${outcome}, want ${want}`}`);
          }
        } finally {
          await close();
        }
        expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
      }, 60_000);
    }
  });
}
