// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { runMenuAction } from '../../../renderer/src/api/menu';

const handlers = () => ({ openPalette: vi.fn(), openFind: vi.fn(), openHelp: vi.fn() });

describe('menu actions in the page', () => {
  it('routes go to their pages', () => {
    const h = handlers();
    for (const [action, hash] of [['library', '#/library'], ['onboarding', '#/onboarding'], ['settings', '#/settings'], ['home', '#/']] as const) {
      runMenuAction(action, h);
      expect(location.hash || '#/', action).toBe(hash);
    }
  });
  it('search and shortcuts open the palette and the help; find only where there is an article', () => {
    const h = handlers();
    runMenuAction('search', h);
    runMenuAction('shortcuts', h);
    runMenuAction('find', h);
    expect(h.openPalette).toHaveBeenCalledOnce();
    expect(h.openHelp).toHaveBeenCalledOnce();
    expect(h.openFind).not.toHaveBeenCalled();
    document.body.innerHTML = '<article class="prose">text</article>';
    runMenuAction('find', h);
    expect(h.openFind).toHaveBeenCalledOnce();
  });
  it('back and forward walk the history', () => {
    const back = vi.spyOn(history, 'back');
    const forward = vi.spyOn(history, 'forward');
    runMenuAction('back', handlers());
    runMenuAction('forward', handlers());
    expect(back).toHaveBeenCalledOnce();
    expect(forward).toHaveBeenCalledOnce();
  });
});
