import { describe, expect, it } from 'vitest';
import { titleIn } from '../../../renderer/src/i18n/localTitle';

describe('titleIn', () => {
  it('shows the English title in English when there is one, the pack\'s title otherwise', () => {
    expect(titleIn('en', { title: '登录千牛', titleEn: 'Log in to 千牛' })).toBe('Log in to 千牛');
    expect(titleIn('en', { title: '登录千牛' })).toBe('登录千牛');
    expect(titleIn('en', { title: '登录千牛', titleEn: '' })).toBe('登录千牛');
    expect(titleIn('zh-CN', { title: '登录千牛', titleEn: 'Log in to 千牛' })).toBe('登录千牛');
  });
});
