import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index.js';
import { canonicalRecognition } from '../../../../electron/core/recognition/recognitions.js';
import { canonicalStillValid } from '../../../../electron/core/reviews/verifications.js';
import { trainerKeysText } from '../../../../electron/core/content/trainerKeysFile.js';
import { signTrainerFact } from '../../../../electron/core/trust/signing.js';
import { git } from '../../../support/gitServer.js';
import { contractPackTeam, LEARNER, TRAINER, write } from './teamFixture.js';

/**
 * Every kind of signed trainer fact given on PC A verifies on PC B — a PC that never saw the trainer
 * locally and holds only the synced records and the content — through the key file A published.
 * Forged copies on B (records edited by hand, records pushed with a learner's own key, a key file
 * dropped in the folder or committed on the records branch) count nowhere.
 */
let team: Awaited<ReturnType<typeof contractPackTeam>>;
const PASS = 'team trainer 4321';
/** Overdue by its front matter (reviewed 2020, every 90 days): only a "still valid" makes it verified. */
const ARTICLE = 'cs/refunds';
const STEP = { trackId: 'customer-service', stepId: 'signoff-day1' };

beforeEach(async () => { team = await contractPackTeam(); });
afterEach(() => team.dispose());
const pc = (name: string, credentials = TRAINER) => team.pc(name, credentials);
const open = (dirs: { contentDir: string; dataDir: string }) => team.open(dirs);

/** PC A: a trainer publishes their keys, recognises 小明 and says "still valid" of an article; then B joins as a learner. */
async function trainerOnAThenLearnerOnB() {
  const a = await pc('a');
  const trainer = await a.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
  const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
  const token = (await a.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
  await a.core.giveRecognition({ token, profileId: ming.id, title: '服务之星', note: '耐心处理退款' });
  await a.core.signOff({ token, profileId: ming.id, ...STEP });
  const article = await a.core.getArticle({ id: ARTICLE });
  await a.core.verifyArticle({ token, articleId: ARTICLE, contentHash: article.hash });
  expect(await a.core.publishTeam({ token })).toMatchObject({ outcome: 'published' });
  await a.core.syncTeam({});

  const b = await pc('b', LEARNER);
  await b.core.syncTeam({});
  await b.core.adoptTeamProfile({ profileId: ming.id, pin: '1357' });
  const tb = (await b.core.openProfileSession({ profileId: ming.id, pin: '1357' })).token;
  return { a, b, trainer, ming, tb };
}

const signoffStep = async (core: Core, token: string, profileId: string) =>
  (await core.getProgress({ token, profileId })).tracks[0].phases.flatMap((p) => p.steps).find((s) => s.id === STEP.stepId)!;
const lastVerified = async (core: Core) => (await core.listArticles({})).articles.find((x) => x.id === ARTICLE)?.lastVerified ?? null;
const verifiedIds = async (core: Core) => (await core.listArticles({ review: 'verified' })).articles.map((x) => x.id);

/** The records file B holds for one profile from another device (what sync wrote into B's data folder). */
function syncedRecordsFile(dataDir: string, profileId: string): string {
  const dir = path.join(dataDir, 'records', profileId);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
  const withFacts = files.find((f) => /"recognitions"|"articleReviews"/.test(fs.readFileSync(f, 'utf8')));
  if (!withFacts) throw new Error(`no synced records for ${profileId} in ${dir}`);
  return withFacts;
}

function edit(file: string, change: (json: Record<string, unknown[]> & Record<string, unknown>) => void) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(json);
  fs.writeFileSync(file, JSON.stringify(json));
}

/** A records file shaped like a real one, with the given rows instead of its own. */
function like(template: string, rows: Record<string, unknown[]>): string {
  const json = JSON.parse(fs.readFileSync(template, 'utf8'));
  for (const k of Object.keys(json)) if (Array.isArray(json[k])) json[k] = [];
  return JSON.stringify({ ...json, ...rows });
}

function learnerKey() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKey, spki: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}

describe('signed trainer facts across PCs', () => {
  it('a recognition and a "still valid" given on A verify on B, which has only the synced records and the content', async () => {
    const { b, trainer, ming, tb } = await trainerOnAThenLearnerOnB();
    expect(fs.existsSync(path.join(b.contentDir, `trainers/${trainer.id}.yaml`))).toBe(true);
    const summary = await b.core.getRecognition({ token: tb, profileId: ming.id });
    expect(summary.recognitions).toMatchObject([{ title: '服务之星', givenBy: { id: trainer.id, name: '李老师' } }]);
    expect(summary.unverifiedRecognitions).toBe(0);
    expect(summary.badges.map((x) => x.id)).toContain('recognized');
    expect(await signoffStep(b.core, tb, ming.id)).toMatchObject({ done: true, signedBy: { id: trainer.id, name: '李老师' }, unverified: null });
    expect(await lastVerified(b.core)).toMatchObject({ byId: trainer.id, by: '李老师' });
    expect(await verifiedIds(b.core)).toContain(ARTICLE);
  });

  it('records edited by hand on B (title, date) count nowhere: no recognition, no badge, no verified SOP', async () => {
    const { b, trainer, ming } = await trainerOnAThenLearnerOnB();
    await b.core.close();
    edit(syncedRecordsFile(b.dataDir, ming.id), (j) => { (j.recognitions as Array<{ title: string }>)[0].title = '年度之星'; });
    edit(syncedRecordsFile(b.dataDir, trainer.id), (j) => { (j.articleReviews as Array<{ at: string }>)[0].at = '2099-01-01T00:00:00.000Z'; });
    const again = await open(b);
    const tb = (await again.openProfileSession({ profileId: ming.id, pin: '1357' })).token;
    const summary = await again.getRecognition({ token: tb, profileId: ming.id });
    expect(summary.recognitions).toEqual([]);
    expect(summary.unverifiedRecognitions).toBe(1);
    expect(summary.badges.map((x) => x.id)).not.toContain('recognized');
    expect(await lastVerified(again)).toBeNull();
    expect(await verifiedIds(again)).not.toContain(ARTICLE);
  });

  it('the name written next to a signature (not signed) is not what B shows: the team key file\'s name is', async () => {
    const { b, trainer, ming } = await trainerOnAThenLearnerOnB();
    await b.core.close();
    edit(syncedRecordsFile(b.dataDir, ming.id), (j) => {
      (j.recognitions as Array<{ trainer: { name: string } }>)[0].trainer.name = '王总经理';
      for (const c of j.completions as Array<{ signedBy?: { name: string } }>) if (c.signedBy) c.signedBy.name = '王总经理';
    });
    const again = await open(b);
    const tb = (await again.openProfileSession({ profileId: ming.id, pin: '1357' })).token;
    expect((await again.getRecognition({ token: tb, profileId: ming.id })).recognitions).toMatchObject([{ givenBy: { id: trainer.id, name: '李老师' } }]);
    expect(await signoffStep(again, tb, ming.id)).toMatchObject({ done: true, signedBy: { id: trainer.id, name: '李老师' }, unverified: null });
  });

  it('facts signed with a learner-made key count nowhere, whether its key file is dropped in B\'s folder or committed on the records branch', async () => {
    const { b, trainer, ming, tb } = await trainerOnAThenLearnerOnB();
    const evil = learnerKey();
    const givenAt = new Date().toISOString();
    // Claims of the real trainer signed with the learner's key, and of a made-up trainer.
    const asTrainer = { id: 'r-forged', profileId: ming.id, title: '月度之星', note: '', givenAt };
    const asFake = { id: 'r-fake', profileId: ming.id, title: '季度之星', note: '', givenAt };
    const genuine = await lastVerified(b.core);
    const hash = (await b.core.getArticle({ id: ARTICLE })).hash;
    const review = { profileId: 'fake-trainer', articleId: ARTICLE, contentHash: hash, at: givenAt };
    const reviewAsTrainer = { ...review, profileId: trainer.id };
    const forgedRecords = {
      [`records/${ming.id}/evil-device.json`]: like(syncedRecordsFile(b.dataDir, ming.id), { recognitions: [
        { ...asTrainer, trainer: { id: trainer.id, name: '李老师' }, signature: signTrainerFact(canonicalRecognition({ ...asTrainer, trainerId: trainer.id }), evil.privateKey) },
        { ...asFake, trainer: { id: 'fake-trainer', name: '假老师' }, signature: signTrainerFact(canonicalRecognition({ ...asFake, trainerId: 'fake-trainer' }), evil.privateKey) },
      ] }),
      'records/fake-trainer/evil-device.json': like(syncedRecordsFile(b.dataDir, trainer.id), { articleReviews: [{ ...review, signature: signTrainerFact(canonicalStillValid(review), evil.privateKey) }] }),
      [`records/${trainer.id}/evil-device.json`]: like(syncedRecordsFile(b.dataDir, trainer.id), { articleReviews: [{ ...reviewAsTrainer, signature: signTrainerFact(canonicalStillValid(reviewAsTrainer), evil.privateKey) }] }),
      [`trainers/fake-trainer.yaml`]: trainerKeysText({ id: 'fake-trainer', name: '假老师', keys: [evil.spki] }),
      [`trainers/${trainer.id}.yaml`]: trainerKeysText({ id: trainer.id, name: '李老师', keys: [evil.spki] }),
    };
    // A learner pushes all of it on the records branch (the server lets learners push there).
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-evil-'));
    try {
      git(work, 'clone', '-q', '-b', 'handbook-records', team.fx.server.repoDir('real'), '.');
      for (const [rel, text] of Object.entries(forgedRecords)) write(work, rel, text);
      git(work, 'add', '-A');
      git(work, 'commit', '-q', '-m', 'records');
      git(work, 'push', '-q', 'origin', 'HEAD:refs/heads/handbook-records');
    } finally { fs.rmSync(work, { recursive: true, force: true }); }
    // … and drops the same key files into B's content folder, outside any commit.
    write(b.contentDir, 'trainers/fake-trainer.yaml', forgedRecords['trainers/fake-trainer.yaml']);
    write(b.contentDir, `trainers/${trainer.id}.yaml`, forgedRecords[`trainers/${trainer.id}.yaml`]);
    await b.core.syncTeam({});
    expect(fs.existsSync(path.join(b.dataDir, 'records', ming.id, 'evil-device.json'))).toBe(true); // it did arrive

    const summary = await b.core.getRecognition({ token: tb, profileId: ming.id });
    expect(summary.recognitions.map((r) => r.title)).toEqual(['服务之星']);
    expect(summary.unverifiedRecognitions).toBe(2);
    // The article's last "still valid" is still the genuine one: the later forged ones do not count, and
    // the folder's key file for the real trainer did not replace the team branch's.
    expect(await lastVerified(b.core)).toEqual(genuine);
  });
});
