import { describe, expect, it } from 'vitest';
import { isEncryptedBackup, parseEncryptedBackup, toEncryptedBackup } from '../../src/profiles/io/encrypted-backup';
import type { Profile } from '../../src/profiles/schema';
import '../../src/i18n/all';
import type { Lang } from '../../src/i18n';
import { describe as say } from '../../src/i18n/problem';

/** What the user is told when the promise fails, in their language. */
const said = (p: Promise<unknown>, lang: Lang = 'zh') => p.then(() => '', (err: unknown) => say(err, lang));

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
    expect(await said(parseEncryptedBackup(JSON.stringify({ ...obj, data: flip(obj.data) }), 'backup pass', 'b.json'))).toContain('文件已被改动');
    expect(await said(parseEncryptedBackup(JSON.stringify({ ...obj, kdf: { ...obj.kdf, iterations: ITER + 1 } }), 'backup pass', 'b.json'))).toContain('文件已被改动');
    expect(await said(parseEncryptedBackup(text, 'wrong pass', 'b.json'))).toContain('口令不正确');
    expect(await said(parseEncryptedBackup(text, 'wrong pass', 'b.json'), 'en')).toContain('wrong passphrase');
  });

  it('refuses unbounded KDF parameters before deriving anything', async () => {
    const obj = JSON.parse(await toEncryptedBackup([P], 'backup pass', NOW, ITER)) as { kdf: { iterations: number } };
    const started = performance.now();
    await expect(parseEncryptedBackup(JSON.stringify({ ...obj, kdf: { ...obj.kdf, iterations: 1e12 } }), 'backup pass', 'b.json')).rejects.toMatchObject({ code: 'backupEncErrors.untrusted' });
    expect(await said(parseEncryptedBackup(JSON.stringify({ ...obj, kdf: { ...obj.kdf, iterations: 1e12 } }), 'backup pass', 'b.json'))).toContain('未尝试解密');
    expect(performance.now() - started).toBeLessThan(1000); // it did not try 10^12 iterations
  });
});
