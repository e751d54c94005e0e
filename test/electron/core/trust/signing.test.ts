import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalSignoff } from '../../../../electron/core/trust/canonical';
import { newTrainerKeys, openPrivateKey, publicKeyOf, sealPrivateKey } from '../../../../electron/core/trust/keys';
import { checkPassphrase, hashPassphrase } from '../../../../electron/core/trust/passphrase';
import { signSignoff, verifySignoff } from '../../../../electron/core/trust/signing';

const fact = { profileId: 'p1', trackId: 't', stepId: 's', completedAt: '2026-03-02T05:00:00.000Z', trainerId: 'tr' };

describe('signed facts', () => {
  it('has one canonical form: the same fact gives the same bytes whatever the key order', () => {
    const reordered = { trainerId: 'tr', completedAt: fact.completedAt, stepId: 's', trackId: 't', profileId: 'p1' };
    expect(canonicalSignoff(reordered)).toBe(canonicalSignoff(fact));
    expect(canonicalSignoff(fact)).toBe('["handbook/signoff/v1","p1","t","s","2026-03-02T05:00:00.000Z","tr"]');
  });

  it('verifies against a pluggable key set: only the named trainer\'s key, only the exact fact', () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const other = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const sig = signSignoff(fact, privateKey);
    expect(verifySignoff(fact, sig, new Map([['tr', [spki]]]))).toBe(true);
    // Keys from elsewhere (team mode) plug in the same way; an unknown trainer verifies nothing.
    expect(verifySignoff(fact, sig, new Map([['tr', [other]]]))).toBe(false);
    expect(verifySignoff(fact, sig, new Map([['someone-else', [spki]]]))).toBe(false);
    for (const k of Object.keys(fact) as Array<keyof typeof fact>) {
      expect(verifySignoff({ ...fact, [k]: fact[k] + 'x' }, sig, new Map([['tr', [spki]]]))).toBe(false);
    }
    expect(verifySignoff(fact, undefined, new Map([['tr', [spki]]]))).toBe(false);
    expect(verifySignoff(fact, 'not base64 at all', new Map([['tr', ['garbage']]]))).toBe(false);
  });

  it('keeps the private key only sealed by the passphrase; a wrong passphrase opens nothing', async () => {
    const keys = await newTrainerKeys('a good passphrase');
    expect(await openPrivateKey(keys.sealed, 'a wrong passphrase')).toBeNull();
    const key = (await openPrivateKey(keys.sealed, 'a good passphrase'))!;
    expect(publicKeyOf(key)).toBe(keys.publicKey);
    const resealed = await sealPrivateKey(key, 'another passphrase');
    expect(publicKeyOf((await openPrivateKey(resealed, 'another passphrase'))!)).toBe(keys.publicKey);
  });

  it('hashes passphrases with salted scrypt and checks them', async () => {
    const a = await hashPassphrase('same passphrase');
    const b = await hashPassphrase('same passphrase');
    expect(a).not.toBe(b);
    expect(await checkPassphrase('same passphrase', a)).toBe(true);
    expect(await checkPassphrase('same passphrasE', a)).toBe(false);
    expect(await checkPassphrase('x', null)).toBe(false);
    expect(await checkPassphrase('x', 'garbage')).toBe(false);
  });
});
