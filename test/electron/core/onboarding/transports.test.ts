import { describe, expect, it } from 'vitest';
import { direct, overHttp, useHarness, type HarnessFactory } from '../../../contract/harness';

/** The onboarding methods behave the same called directly and over HTTP (errors keep their codes). */
for (const [name, factory] of [['direct', direct], ['over HTTP', overHttp]] as Array<[string, HarnessFactory]>) {
  describe(`onboarding contract (${name})`, () => {
    const api = useHarness(factory);

    it('runs a day: read, task, quiz, request, sign-off, dashboard, export, import', async () => {
      const learner = await api.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-03-02' });
      const trainer = await api.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: 'trainer 1357' });
      const lt = (await api.openProfileSession({ profileId: learner.id })).token;
      const ref = { token: lt, profileId: learner.id, trackId: 'customer-service' };
      await api.completeStep({ ...ref, stepId: 'read-refunds' });
      await api.completeStep({ ...ref, stepId: 'task-login' });
      expect((await api.uncompleteStep({ ...ref, stepId: 'task-login' })).completed.map((c) => c.stepId)).toEqual(['read-refunds']);

      const quiz = await api.getQuiz({ quizId: 'cs-basics' });
      expect(JSON.stringify(quiz)).not.toContain('answer');
      const result = await api.submitQuiz({ ...ref, stepId: 'quiz-basics', answers: { q1: true } });
      expect(result).toMatchObject({ passed: true, score: 100, stepCompleted: true });

      await api.requestSignoff({ ...ref, stepId: 'signoff-day1' });
      await expect(api.signOff({ ...ref, stepId: 'signoff-day1' })).rejects.toMatchObject({ code: 'forbidden', key: 'trainerOnly' });
      await expect(api.openEditSession({ profileId: trainer.id, passphrase: 'trainer 0000' })).rejects.toMatchObject({ code: 'unauthorized' });
      const { token: tt } = await api.openEditSession({ profileId: trainer.id, passphrase: 'trainer 1357' });
      const signed = await api.signOff({ ...ref, token: tt, stepId: 'signoff-day1' });
      expect(signed.completed.find((c) => c.stepId === 'signoff-day1')).toMatchObject({ signedBy: { id: trainer.id, name: '李老师' }, verified: true });

      const dash = await api.getDashboard({ token: tt, role: 'customer-service' });
      expect(dash.rows).toHaveLength(1);
      expect(dash.rows[0]).toMatchObject({ name: '王小明', pendingSignoffs: [], quizzes: [{ bestScore: 100, passed: true }] });
      expect((await api.getDashboard({ token: tt, role: 'design' })).rows).toEqual([]);

      const csv = await api.exportProgress({ token: tt, format: 'csv' });
      expect(csv.content.charCodeAt(0)).toBe(0xfeff);
      expect(csv.content).toContain('王小明');
      const json = await api.exportProgress({ token: tt, format: 'json' });
      expect(await api.importProgress({ token: tt, data: json.content })).toMatchObject({ unchanged: true });
    });

    it('validates the new requests at the boundary', async () => {
      const token = 't'.repeat(32);
      await expect(api.exportProgress({ token, format: 'xls' as any })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.submitQuiz({ token, profileId: 'x', trackId: 't', stepId: 's', answers: { q1: 'yes' as any } })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.signOff({ token: 'short', profileId: 'y', trackId: 't', stepId: 's' })).rejects.toMatchObject({ code: 'unauthorized' });
      await expect(api.getQuiz({ quizId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(api.importProgress({ token, data: 'nope' })).rejects.toMatchObject({ code: 'unauthorized' });
    });
  });
}
