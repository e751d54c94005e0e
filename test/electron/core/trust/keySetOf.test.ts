import { describe, expect, it } from 'vitest';
import { keySetOf, localKeySet } from '../../../../electron/core/trust/verify.js';

/** The verification key set: local trainers ∪ the pack's, stable while the keys are. */
const trainer = (id: string, keys: string[]) => ({ id, publicKeys: keys }) as never;

describe('keySetOf', () => {
  it('is the local set itself when the pack brings no keys', () => {
    const data = { profiles: [trainer('t1', ['K1'])] };
    expect(keySetOf(data, { trustedKeys: new Map() })).toBe(localKeySet(data));
  });

  it('unites local and pack keys per trainer, and returns the same object for an equal pack map', () => {
    const data = { profiles: [trainer('t1', ['old', 'K1'])] };
    const a = keySetOf(data, { trustedKeys: new Map([['t1', ['KB']], ['t2', ['K2']]]) });
    expect([...a]).toEqual([['t1', ['K1', 'KB']], ['t2', ['K2']]]);
    // A pack reload builds a new but equal map: caches keyed on the set keep hitting.
    expect(keySetOf(data, { trustedKeys: new Map([['t1', ['KB']], ['t2', ['K2']]]) })).toBe(a);
    expect(keySetOf(data, { trustedKeys: new Map([['t2', ['K3']]]) })).not.toBe(a);
  });
});
