import { describe, expect, it } from 'vitest';
import { isEncryptedBackup, parseEncryptedBackup, toEncryptedBackup } from '../../src/profiles/io/encrypted-backup';
import type { Profile } from '../../src/profiles/schema';
import { saying } from '../helpers/said';

const P: Profile = {
  id: '22222222-2222-4222-8222-222222222222',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  revision: 2,
  data: { name: '张三', idNumber: '370102199001011231' },
  businesses: [],
  notes: '',
};
const NOW = new Date('2026-11-23T08:00:00Z');
const ITER = 100_000; // the smallest count a backup may declare

describe('encrypted backup', () => {
  it('round-trips, and hides the data', async () => {
    const text = await toEncryptedBackup([P], 'backup pass', NOW, ITER);
    expect(isEncryptedBackup(text)).toBe(true);
    expect(text).not.toContain('370102199001011231');
    expect(text).not.toContain('张三');
    expect((await parseEncryptedBackup(text, 'backup pass', 'b.json')).profiles).toEqual([P]);
  });

  it('detects tampering with the data or the header, and a wrong passphrase', async () => {
    const text = await toEncryptedBackup([P], 'backup pass', NOW, ITER);
    const obj = JSON.parse(text) as { data: string; cipher: { iv: string }; kdf: { iterations: number } };
    const flip = (b64: string) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      bytes[5]! ^= 1;
      return btoa(String.fromCharCode(...bytes));
    };
    await expect(parseEncryptedBackup(JSON.stringify({ ...obj, data: flip(obj.data) }), 'backup pass', 'b.json')).rejects.toSatisfy(saying('文件已被改动'));
    await expect(parseEncryptedBackup(JSON.stringify({ ...obj, kdf: { ...obj.kdf, iterations: ITER + 1 } }), 'backup pass', 'b.json')).rejects.toSatisfy(saying('文件已被改动'));
    await expect(parseEncryptedBackup(text, 'wrong pass', 'b.json')).rejects.toSatisfy(saying('口令不正确'));
  });

  it('refuses unbounded KDF parameters before deriving anything', async () => {
    const obj = JSON.parse(await toEncryptedBackup([P], 'backup pass', NOW, ITER)) as { kdf: { iterations: number } };
    const started = performance.now();
    await expect(parseEncryptedBackup(JSON.stringify({ ...obj, kdf: { ...obj.kdf, iterations: 1e12 } }), 'backup pass', 'b.json')).rejects.toSatisfy(saying('未尝试解密'));
    expect(performance.now() - started).toBeLessThan(1000); // it did not try 10^12 iterations
  });
});
