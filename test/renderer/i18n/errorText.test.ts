import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { errorText } from '../../../renderer/src/i18n/errorText';
import { translator } from '../../../renderer/src/i18n/i18n';

describe('errors in the UI language', () => {
  it('says a keyed error in the chosen language, with its values', () => {
    const err = new ApiError('forbidden', 'too many wrong PINs: try again in 42 s', 'pinLocked', { seconds: 42 });
    expect(errorText(err, translator('zh-CN'))).toBe('PIN 错误次数过多，请 42 秒后再试。');
    expect(errorText(err, translator('en'))).toBe('Too many wrong PINs. Try again in 42 s.');
  });
  it('falls back to a sentence for the kind of error (English: the core message) for keys it has no words for', () => {
    expect(errorText(new ApiError('bad_request', 'something odd', 'noSuchKey'), translator('zh-CN'))).toBe('填写的内容有误，请检查后重试。');
    expect(errorText(new ApiError('bad_request', 'something odd', 'noSuchKey'), translator('en'))).toBe('something odd');
    expect(errorText(new Error('plain'), translator('en'))).toBe('plain');
  });
});
