import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../../../electron/core/store/digest';
import { deviceFile, profileFolder } from '../../../../electron/core/store/layout';
import { INDEX_FILE } from '../../../../electron/core/store/recordsIndex';
import { openStore, openStoreReadOnly, type Store } from '../../../../electron/core/store/store';
import { useStoreFolders } from './storeFolders';

const { tempDir, openTracked } = useStoreFolders('hb-index-');

const complete = (s: Store, profileId: string, stepId: string, completedAt = new Date().toISOString()) =>
  s.updateRecords(profileId, (r) => { r.completions.push({ profileId, trackId: 't', stepId, completedAt }); });
const attempt = (s: Store, profileId: string, score: number, at: string) =>
  s.updateRecords(profileId, (r) => { r.quizAttempts.push({ id: `${profileId}-${at}`, profileId, trackId: 't', stepId: 'q', quizId: 'q', quizHash: 'h', answers: {}, score, passed: score >= 80, at }); });
const deviceId = (dir: string) => fs.readFileSync(path.join(dir, 'device-id'), 'utf8').trim();
const indexLines = (dir: string) => fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));

/** Three learners with completions, quiz attempts and a view, closed so the index is written. */
async function seeded(): Promise<string> {
  const dir = tempDir();
  const s = await openStore(dir);
  for (const id of ['a', 'b', 'c']) {
    await complete(s, id, 'one', '2026-01-01T08:00:00.000Z');
    await attempt(s, id, 60, '2026-01-02T08:00:00.000Z');
    await attempt(s, id, 90, '2026-01-03T08:00:00.000Z');
    await s.updateRecords(id, (r) => { r.views.push({ profileId: id, articleId: 'x', at: '2026-01-04T08:00:00.000Z' }); });
  }
  await s.close();
  return dir;
}

describe('records index: start-up reads only the learners whose files changed', () => {
  it('is written at close with one line per learner: their files\' stamps and digest', async () => {
    const dir = await seeded();
    const lines = indexLines(dir);
    expect(lines.map((l) => l.profileId).sort()).toEqual(['a', 'b', 'c']);
    const a = lines.find((l) => l.profileId === 'a');
    expect(Object.keys(a.files)).toEqual([`${deviceId(dir)}.json`]);
    expect(a.files[`${deviceId(dir)}.json`][0]).toBe(fs.statSync(deviceFile(dir, 'a', deviceId(dir))).size);
    expect(a.digest.quizzes).toEqual([{ trackId: 't', stepId: 'q', attempts: 2, best: 90, passed: true, lastAt: '2026-01-03T08:00:00.000Z' }]);
    expect(a.digest.lastOther).toBe('2026-01-04T08:00:00.000Z');
  });

  it('answers digests from the index without reading a file whose stamps match, and reads the records on first use', async () => {
    const dir = await seeded();
    // A line that says something else with the file's true stamps: what the store then answers proves it did not read the file.
    const file = path.join(dir, INDEX_FILE);
    const text = fs.readFileSync(file, 'utf8').replace('"best":90', '"best":91');
    fs.writeFileSync(file, text);
    const s = await openTracked(dir);
    expect(s.digest('a').quizzes[0].best).toBe(91);
    expect(s.recordOwners().sort()).toEqual(['a', 'b', 'c']);
    // Records are read from the file when asked for; the digest then comes from them.
    expect(s.records('a').quizAttempts.map((q) => q.score)).toEqual([60, 90]);
  });

  it('gives the same digests after a restart as before it', async () => {
    const dir = await seeded();
    const s = await openTracked(dir);
    const before = ['a', 'b', 'c'].map((id) => s.digest(id));
    const fresh = ['a', 'b', 'c'].map((id) => digestOf(s.records(id)));
    expect(before).toEqual(fresh);
  });

  it('re-reads a learner when another PC\'s file arrives in their folder (a team sync), and keeps the others summarized', async () => {
    const dir = await seeded();
    const other = path.join(dir, 'records', profileFolder('b'), 'other-pc-0001.json');
    fs.writeFileSync(other, JSON.stringify({ profileId: 'b', deviceId: 'other-pc-0001', completions: [{ profileId: 'b', trackId: 't', stepId: 'two', completedAt: '2026-01-05T08:00:00.000Z' }] }));
    const s = await openTracked(dir);
    expect(s.digest('b').completions.map((c) => c.stepId).sort()).toEqual(['one', 'two']);
    expect(s.digest('a').completions.map((c) => c.stepId)).toEqual(['one']);
  });

  it('re-reads a file replaced underneath (same size, any stamp changed) and one removed', async () => {
    const dir = await seeded();
    const file = deviceFile(dir, 'a', deviceId(dir));
    // Same length, other content, written as a sync does (new file renamed over): the inode differs.
    const changed = fs.readFileSync(file, 'utf8').replace('"score":90', '"score":70');
    fs.writeFileSync(file + '.new', changed);
    fs.renameSync(file + '.new', file);
    fs.rmSync(deviceFile(dir, 'c', deviceId(dir)));
    const s = await openTracked(dir);
    expect(s.digest('a').quizzes[0]).toMatchObject({ attempts: 2, best: 70 });
    expect(s.recordOwners().sort()).toEqual(['a', 'b']);
    expect(s.digest('c').completions).toEqual([]);
  });

  it('ignores a damaged index or one of another version, and rewrites it', async () => {
    for (const junk of ['{not json', '{"version":0}\n{"profileId":"a"}', '']) {
      const dir = await seeded();
      fs.writeFileSync(path.join(dir, INDEX_FILE), junk);
      const s = await openStore(dir);
      expect(s.digest('a').quizzes[0].best).toBe(90);
      await s.close();
      expect(indexLines(dir)).toHaveLength(3);
    }
  });

  it('keeps the index current after writes: the next start sees them without reading anything else', async () => {
    const dir = await seeded();
    const s = await openStore(dir);
    await complete(s, 'b', 'three', '2026-01-06T08:00:00.000Z');
    await s.close();
    const line = indexLines(dir).find((l) => l.profileId === 'b');
    expect(line.digest.completions.map((c: { stepId: string }) => c.stepId)).toEqual(['one', 'three']);
    expect(line.files[`${deviceId(dir)}.json`][0]).toBe(fs.statSync(deviceFile(dir, 'b', deviceId(dir))).size);
    const again = await openTracked(dir);
    expect(again.digest('b').completions).toHaveLength(2);
  });

  it('recovers a learner file found damaged only when first read (its stamps still matched), and writes it back', async () => {
    const dir = await seeded();
    const file = deviceFile(dir, 'a', deviceId(dir));
    const size = fs.statSync(file).size;
    // Damaged so that its stamps still match its line (here by giving the line the new stamps): only the read can tell.
    fs.writeFileSync(file, 'x'.repeat(size));
    const now = fs.statSync(file);
    const index = path.join(dir, INDEX_FILE);
    const lines = fs.readFileSync(index, 'utf8').trim().split('\n');
    const at = lines.findIndex((l) => l.includes('"profileId":"a"'));
    const line = JSON.parse(lines[at]);
    line.files[`${deviceId(dir)}.json`] = [now.size, now.mtimeMs, now.ino];
    lines[at] = JSON.stringify(line);
    fs.writeFileSync(index, lines.join('\n') + '\n');
    const s = await openTracked(dir);
    expect(s.recoveries).toEqual([]);
    expect(s.records('a').quizAttempts.map((q) => q.score)).toEqual([60, 90]);
    expect(s.recoveries).toHaveLength(1);
    expect(fs.readFileSync(s.recoveries[0].damagedFile, 'utf8')).toBe('x'.repeat(size));
    // The write-back runs in that learner's write queue, which close waits for.
    await s.close();
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).quizAttempts).toHaveLength(2);
  });

  it('serves the read-only opener (progress export) from the index too, and never writes it', async () => {
    const dir = await seeded();
    const before = fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8');
    fs.writeFileSync(path.join(dir, 'records', profileFolder('c'), 'other-pc-0002.json'), JSON.stringify({ profileId: 'c', deviceId: 'other-pc-0002', completions: [{ profileId: 'c', trackId: 't', stepId: 'two', completedAt: '2026-01-05T08:00:00.000Z' }] }));
    const ro = openStoreReadOnly(dir);
    expect(ro.digest('a').quizzes[0].best).toBe(90);
    expect(ro.digest('c').completions).toHaveLength(2);
    expect(ro.data.completions).toHaveLength(4);
    await ro.close();
    expect(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')).toBe(before);
  });
});
