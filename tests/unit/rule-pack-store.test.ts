import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_PACK_DATA, bundledPack } from '../../src/rules/bundled';
import { compareVersions, PackError } from '../../src/rules/pack';
import { activePack, forgetPackCache, importPack, revertPack } from '../../src/rules/store';
import { type JzsDatabase, openJzsDB } from '../../src/storage/db';
import { describe as said } from '../../src/i18n/problem';
import '../../src/i18n/all';

let db: JzsDatabase;
let n = 0;
const NOW = new Date('2026-11-23T08:00:00Z');

function packText(mutate: (p: Record<string, unknown>) => void = () => undefined): string {
  const data = structuredClone(BUNDLED_PACK_DATA) as Record<string, unknown>;
  data.version = '1.2.0';
  mutate(data);
  return JSON.stringify(data);
}

beforeEach(async () => {
  forgetPackCache();
  db = await openJzsDB(`rules-test-${++n}`);
});

async function expectRefused(text: string, message: RegExp): Promise<PackError> {
  const err = await importPack(db, text, 'pack.json', NOW).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PackError);
  expect(said(err, 'zh')).toMatch(message);
  // Nothing was written and the pack in force is unchanged.
  expect(await db.get('rulePacks', 'imported')).toBeUndefined();
  forgetPackCache();
  expect((await activePack(db)).source).toBe('bundled');
  return err as PackError;
}

describe('rule pack store', () => {
  it('uses the bundled pack when nothing was imported', async () => {
    const active = await activePack(db);
    expect(active.source).toBe('bundled');
    expect(active.pack.version).toBe(bundledPack().version);
  });

  it('imports a newer pack, keeps it across a worker restart, and reverts', async () => {
    const active = await importPack(db, packText(), 'jzs-rule-pack-1.2.0.json', NOW);
    expect(active).toMatchObject({ source: 'imported', fileName: 'jzs-rule-pack-1.2.0.json', importedAt: NOW.toISOString() });
    forgetPackCache(); // what a restarted service worker sees
    expect((await activePack(db)).pack.version).toBe('1.2.0');
    const reverted = await revertPack(db);
    expect(reverted.source).toBe('bundled');
    expect(await db.get('rulePacks', 'imported')).toBeUndefined();
  });

  it('refuses a misspelt field and names its path in Chinese', async () => {
    const err = await expectRefused(
      packText((p) => {
        const b = (p.businesses as Array<{ materials: Array<Record<string, unknown>> }>)[2]!;
        b.materials[4]!.noet = 'x';
      }),
      /校验未通过，未导入/,
    );
    expect(err.details[0]).toBe('businesses[2]（change）.materials[4]（dismissal-certificate）：出现未知的键(key): "noet"');
  });

  it('refuses a wrong value with the field path and the expected kind', async () => {
    const err = await expectRefused(
      packText((p) => {
        const b = (p.businesses as Array<{ materials: Array<Record<string, unknown>> }>)[0]!;
        b.materials[0]!.effectiveFrom = '2021-02-30x';
      }),
      /第一处问题：businesses\[0\]（initial）\.materials\[0\]（application-form）\.effectiveFrom/,
    );
    expect(err.details[0]).toContain('yyyy-MM-dd');
  });

  it('refuses text that is not JSON, or not a rule pack', async () => {
    await expectRefused('{"format": "jzs-rule-pack", ', /不是有效的 JSON/);
    await expectRefused('{"hello": 1}', /不是建造师注册助手的规则包/);
  });

  it('refuses a pack that is not newer than the bundled one or the one in force', async () => {
    const bundled = bundledPack().version;
    const err0 = await expectRefused(packText((p) => (p.version = bundled)), /不比内置规则包/);
    expect(said(err0, 'zh')).toContain(`（${bundled}）`);
    await importPack(db, packText((p) => (p.version = '1.3.0')), 'a.json', NOW);
    const err = await importPack(db, packText((p) => (p.version = '1.2.5')), 'b.json', NOW).catch((e: unknown) => e);
    expect(said(err, 'zh')).toMatch(/不比正在使用的 1\.3\.0 新/);
    expect((await activePack(db)).pack.version).toBe('1.3.0');
  });

  it('falls back to the bundled pack when the stored one no longer validates', async () => {
    await db.put('rulePacks', { id: 'imported', pack: { format: 'jzs-rule-pack', version: '9.0.0' }, version: '9.0.0', fileName: 'x', importedAt: 'y' });
    expect((await activePack(db)).source).toBe('bundled');
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBe(-1);
  });
});
