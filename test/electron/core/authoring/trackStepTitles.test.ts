import { afterEach, describe, expect, it } from 'vitest';
import type { TrackDraft } from '../../../../electron/contract';
import { loadPack } from '../../../../electron/core/index';
import { closeAll, openAuthoring } from './fixture';

afterEach(closeAll);

describe('track writer: a step\'s English title', () => {
  it('is written as title_en, read back by the editor and the loader; emptied, it is gone', async () => {
    const { core, token, root, read } = await openAuthoring();
    const src = await core.getTrackSource({ token, id: 'customer-service' });
    expect(src.track.phases[0].steps.map((s) => s.titleEn)).toEqual([undefined, undefined, undefined]);
    const task = { id: 'task-login', type: 'task' as const, title: '登录千牛', titleEn: '  Log in to Qianniu ', required: true };
    const withEn: TrackDraft = { ...src.track, phases: [{ ...src.track.phases[0], steps: [{ ...src.track.phases[0].steps[0], titleEn: 'Refunds SOP' }, ...src.track.phases[0].steps.slice(1), task] }] };
    await core.saveTrack({ token, id: 'customer-service', baseHash: src.hash, track: withEn });

    const text = read('tracks/customer-service.yaml');
    expect(text).toMatch(/title: 登录千牛\n\s+title_en: Log in to Qianniu\n/);
    expect(text).toMatch(/- id: read-refunds\s+# 最重要/); // the edited step keeps its comment
    const again = await core.getTrackSource({ token, id: 'customer-service' });
    expect(again.track.phases[0].steps.map((s) => [s.id, s.titleEn])).toEqual([
      ['read-refunds', 'Refunds SOP'], ['quiz-basics', undefined], ['read-presales', undefined], ['task-login', 'Log in to Qianniu'],
    ]);
    const pack = await loadPack(root);
    expect(pack.problems.filter((p) => p.path.startsWith('tracks/'))).toEqual([]);
    expect(pack.tracks.get('customer-service')!.phases[0].steps.find((s) => s.id === 'task-login')).toMatchObject({ title: '登录千牛', titleEn: 'Log in to Qianniu' });

    const emptied: TrackDraft = { ...again.track, phases: [{ ...again.track.phases[0], steps: again.track.phases[0].steps.map((s) => ({ ...s, titleEn: s.id === 'task-login' ? '   ' : '' })) }] };
    await core.saveTrack({ token, id: 'customer-service', baseHash: again.hash, track: emptied });
    expect(read('tracks/customer-service.yaml')).not.toContain('title_en');
    expect((await core.getTrackSource({ token, id: 'customer-service' })).track.phases[0].steps.every((s) => s.titleEn === undefined)).toBe(true);
  });

  it('refuses an English title over 300 characters, in the request check', async () => {
    const { core, token, read } = await openAuthoring();
    const before = read('tracks/customer-service.yaml');
    const src = await core.getTrackSource({ token, id: 'customer-service' });
    const long: TrackDraft = { ...src.track, phases: [{ ...src.track.phases[0], steps: [{ ...src.track.phases[0].steps[0], titleEn: 'a'.repeat(301) }] }] };
    await expect(core.saveTrack({ token, id: 'customer-service', baseHash: src.hash, track: long })).rejects.toMatchObject({ code: 'bad_request' });
    expect(read('tracks/customer-service.yaml')).toBe(before);
  });
});
