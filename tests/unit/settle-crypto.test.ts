import { describe, expect, it } from 'vitest';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
// Imported only inside the tests, so that the first test sees what the project's setup did.
const helper = () => import('../helpers/settle-crypto.ts');

describe('the unit project settles WebCrypto jobs before a file ends', () => {
  it("is set up by the project, before a test file's own code runs", () => {
    expect(crypto.subtle.generateKey.name).toBe('tracked');
    expect(crypto.subtle.digest.name).toBe('tracked');
  });
  it('tracks a key job nobody awaits, as the Astro container starts one, until it has settled', async () => {
    const { pendingCryptoJobs, settleCryptoJobs } = await helper();
    const before = pendingCryptoJobs();
    const jobs = [newKey(), newKey()];
    expect(pendingCryptoJobs()).toBe(before + 2);
    await settleCryptoJobs();
    expect(pendingCryptoJobs()).toBe(0);
    await expect(jobs[0]).resolves.toMatchObject({ type: 'secret', algorithm: { name: 'AES-GCM' } });
  });
  it('tracks a job that fails as well, and passes its error on', async () => {
    const { pendingCryptoJobs, settleCryptoJobs } = await helper();
    const job = crypto.subtle.digest('NO-SUCH-HASH', new Uint8Array(1));
    expect(pendingCryptoJobs()).toBe(1);
    await expect(job).rejects.toThrow();
    await settleCryptoJobs();
    expect(pendingCryptoJobs()).toBe(0);
  });
});
