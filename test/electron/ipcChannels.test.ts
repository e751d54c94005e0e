import { describe, expect, it } from 'vitest';
import { methodNames } from '../../electron/contract';
import { MENU_ACTIONS, METHOD_NAMES } from '../../electron/ipcChannels';

describe('IPC channel list (zod-free, shared by preload and main)', () => {
  it('names exactly the contract methods that have a schema', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort());
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });
  it('has no repeated menu action', () => {
    expect(new Set(MENU_ACTIONS).size).toBe(MENU_ACTIONS.length);
  });
});
