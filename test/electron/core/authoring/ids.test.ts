import { describe, expect, it } from 'vitest';
import { checkArticleId, checkFileName, checkSimpleId, MAX_FILE_NAME_BYTES, relOfEditable } from '../../../../electron/core/authoring/ids';
import { closeAll, openAuthoring } from './fixture';
import { afterAll } from 'vitest';

afterAll(closeAll);
const keyOf = (f: () => unknown) => { try { f(); } catch (e) { return (e as { key?: string }).key; } return 'accepted'; };

describe('names that become files', () => {
  it('refuses Windows device names with any extension or a superscript digit, for every kind of id', () => {
    for (const n of ['con', 'CON', 'nul', 'aux', 'prn', 'com1', 'COM9', 'COM¹', 'lpt²', 'LPT³', 'conin$']) {
      expect(keyOf(() => checkFileName(n, '.md', /^.+$/u)), n).toBe('reservedName');
    }
    expect(keyOf(() => checkFileName('con.tar', '', /^.+$/u))).toBe('reservedName');
    expect(keyOf(() => relOfEditable('role:con'))).toBe('reservedName');
    expect(keyOf(() => relOfEditable('cs/COM¹'))).toBe('reservedName');
    expect(keyOf(() => checkSimpleId('track', 'LPT1'))).toBe('reservedName');
    expect(keyOf(() => checkSimpleId('quiz', 'aux'))).toBe('reservedName');
    // Not device names: longer words that start like one.
    for (const n of ['console', 'com10', 'auxiliary', 'nul-policy']) expect(keyOf(() => checkArticleId(n)), n).toBe('accepted');
  });

  it('refuses trailing dots and spaces, and other signs', () => {
    for (const n of ['a.', 'a ', 'a b', 'a.b', '-a', '']) expect(keyOf(() => checkFileName(n, '.md')), JSON.stringify(n)).toBe('badName');
  });

  it('measures length in bytes of the longest file made from the name (its temporary file)', () => {
    // 78 Chinese characters passed before and failed with ENAMETOOLONG on the temporary file.
    expect(keyOf(() => checkArticleId('退'.repeat(78)))).toBe('nameTooLong');
    expect(keyOf(() => checkArticleId('退'.repeat(70)))).toBe('accepted');
    const longest = '退'.repeat(76);
    expect(Buffer.byteLength(`.${longest}.md.4194304.ffffffff.tmp`)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(keyOf(() => checkArticleId(longest))).toBe('accepted');
    expect(keyOf(() => checkArticleId('退'.repeat(77)))).toBe('nameTooLong');
    expect(keyOf(() => checkSimpleId('track', 'a'.repeat(240)))).toBe('nameTooLong');
  });

  it('saves an article with the longest allowed Chinese name, and answers 400 with a key for one too long', async () => {
    const { core, token } = await openAuthoring();
    const ok = await core.saveArticle({ token, id: 'cs/' + '退'.repeat(76), baseHash: null, fields: { title: '长' }, body: '# 长\n' });
    expect(ok.hash).toMatch(/^[0-9a-f]{16}$/);
    await expect(core.saveArticle({ token, id: 'cs/' + '退'.repeat(80), baseHash: null, fields: { title: '长' }, body: '# 长\n' })).rejects.toMatchObject({ code: 'bad_request', key: 'nameTooLong' });
    await expect(core.saveArticle({ token, id: 'role:con', baseHash: null, fields: { title: 'x' }, body: 'x' })).rejects.toMatchObject({ code: 'bad_request', key: 'reservedName' });
  });
});
