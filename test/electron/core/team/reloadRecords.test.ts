import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../electron/core/store/store.js';

/** The store's side of other devices' files: what a sync wrote is re-read, nothing else. */
let dir: string;
let store: Store;
afterEach(async () => { await store?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const L = '0b7c1b3e-1111-4222-8333-944455556666';
const row = (stepId: string, at: string) => ({ profileId: L, trackId: 't', stepId, completedAt: at });
const put = (rel: string, body: unknown) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), typeof body === 'string' ? body : JSON.stringify(body));
};
const steps = () => store.records(L).completions.map((c) => c.stepId).sort();

describe('store.reloadRecordFiles', () => {
  it('re-reads other devices\' files into the union; skips this device\'s file, broken files, misplaced files and paths outside the layout', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-reload-'));
    store = await openStore(dir);
    await store.updateRecords(L, (r) => { r.completions.push(row('mine', '2026-12-01T01:00:00Z')); });
    const own = fs.readFileSync(path.join(dir, 'device-id'), 'utf8').trim();
    put(`records/${L}/other-pc.json`, { profileId: L, deviceId: 'other-pc', completions: [row('theirs', '2026-12-01T02:00:00Z')] });
    expect(steps()).toEqual(['mine']);
    expect(await store.reloadRecordFiles([`records/${L}/other-pc.json`])).toEqual([L]);
    expect(steps()).toEqual(['mine', 'theirs']);
    // Changed on the other PC: read again (and a write here keeps both).
    put(`records/${L}/other-pc.json`, { profileId: L, deviceId: 'other-pc', completions: [row('theirs', '2026-12-01T02:00:00Z'), row('later', '2026-12-01T03:00:00Z')] });
    await store.reloadRecordFiles([`records/${L}/other-pc.json`]);
    await store.updateRecords(L, (r) => { r.completions.push(row('mine2', '2026-12-01T04:00:00Z')); });
    expect(steps()).toEqual(['later', 'mine', 'mine2', 'theirs']);
    // This device's own file is never taken from a sync; junk is skipped, the view stays.
    put(`records/${L}/${own}.json`, { profileId: L, deviceId: own, completions: [] });
    put(`records/${L}/broken-pc.json`, '{"half":');
    put(`records/${L}/liar-pc.json`, { profileId: 'someone-else', completions: [row('forged', '2026-12-01T05:00:00Z')] });
    expect(await store.reloadRecordFiles([`records/${L}/${own}.json`, `records/${L}/broken-pc.json`, `records/${L}/liar-pc.json`, '../etc/passwd', `records/../x/y.json`, 'roster/other-pc.json'])).toEqual([]);
    expect(steps()).toEqual(['later', 'mine', 'mine2', 'theirs']);
    // A file the other PC's sync removed: its facts leave the union.
    fs.rmSync(path.join(dir, `records/${L}/other-pc.json`));
    expect(await store.reloadRecordFiles([`records/${L}/other-pc.json`])).toEqual([L]);
    expect(steps()).toEqual(['mine', 'mine2']);
  });
});
