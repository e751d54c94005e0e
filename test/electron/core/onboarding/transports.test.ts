import { describe, expect, it } from 'vitest';
import { direct, overHttp, useHarness, type HarnessFactory } from '../../../contract/harness';

/** The onboarding methods behave the same called directly and over HTTP (errors keep their codes). */
for (const [name, factory] of [['direct', direct], ['over HTTP', overHttp]] as Array<[string, HarnessFactory]>) {
  describe(`onboarding contract (${name})`, () => {
    const api = useHarness(factory);

    it('runs a day: read, task, quiz, request, sign-off, dashboard, export, import', async () => {
      const learner = await api.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-03-02' });
      const trainer = await api.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, pin: '1357' });
      const ref = { profileId: learner.id, trackId: 'customer-service' };
      await api.completeStep({ ...ref, stepId: 'read-refunds' });
      await api.completeStep({ ...ref, stepId: 'task-login' });
      expect((await api.uncompleteStep({ ...ref, stepId: 'task-login' })).completed.map((c) => c.stepId)).toEqual(['read-refunds']);

      const quiz = await api.getQuiz({ quizId: 'cs-basics' });
      expect(JSON.stringify(quiz)).not.toContain('answer');
      const result = await api.submitQuiz({ ...ref, stepId: 'quiz-basics', answers: { q1: true } });
      expect(result).toMatchObject({ passed: true, score: 100, stepCompleted: true });

      await api.requestSignoff({ ...ref, stepId: 'signoff-day1' });
      await expect(api.signOff({ ...ref, stepId: 'signoff-day1', trainerId: trainer.id, pin: '0000' })).rejects.toMatchObject({ code: 'forbidden' });
      const signed = await api.signOff({ ...ref, stepId: 'signoff-day1', trainerId: trainer.id, pin: '1357' });
      expect(signed.completed.find((c) => c.stepId === 'signoff-day1')?.signedBy).toEqual({ id: trainer.id, name: '李老师' });

      const dash = await api.getDashboard({ role: 'customer-service' });
      expect(dash.rows).toHaveLength(1);
      expect(dash.rows[0]).toMatchObject({ name: '王小明', pendingSignoffs: [], quizzes: [{ bestScore: 100, passed: true }] });
      expect((await api.getDashboard({ role: 'design' })).rows).toEqual([]);

      const csv = await api.exportProgress({ format: 'csv' });
      expect(csv.content.charCodeAt(0)).toBe(0xfeff);
      expect(csv.content).toContain('王小明');
      const json = await api.exportProgress({ format: 'json' });
      expect(await api.importProgress({ data: json.content })).toMatchObject({ unchanged: true });
    });

    it('validates the new requests at the boundary', async () => {
      await expect(api.exportProgress({ format: 'xls' as any })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.submitQuiz({ profileId: 'x', trackId: 't', stepId: 's', answers: { q1: 'yes' as any } })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.signOff({ trainerId: 'x', pin: 'abcd', profileId: 'y', trackId: 't', stepId: 's' })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.getQuiz({ quizId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(api.importProgress({ data: 'nope' })).rejects.toMatchObject({ code: 'bad_request' });
    });
  });
}
