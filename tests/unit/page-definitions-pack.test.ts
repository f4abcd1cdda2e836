import { afterEach, describe, expect, it } from 'vitest';
import { pageRules } from '../../src/background/routes/page-rules';
import { detectPage } from '../../src/portals/detect';
import { builtinPages, usePageDefinitions } from '../../src/portals/registry';
import { BUNDLED_PACK_DATA } from '../../src/rules/bundled';
import { PackError } from '../../src/rules/pack';
import { activePack, forgetPackCache, importPack } from '../../src/rules/store';
import type { PageDefinition } from '../../src/rules/schema';
import { openJzsDB } from '../../src/storage/db';
import { replica } from '../fixtures/replicas';
import { replicaDocument } from '../helpers/replica-dom';

const NOW = new Date('2026-11-23T08:00:00Z');
type Data = { version: string; pages: PageDefinition[] };

/** A pack whose 网厅 home definition looks for other words: the real portal changed its home page. */
function packWithChangedHome(): string {
  const data = structuredClone(BUNDLED_PACK_DATA) as Data;
  data.version = '1.9.0';
  const home = data.pages.find((p) => p.id === 'zwdt-home')!;
  home.markers = { text: '网上办事大厅欢迎你' };
  return JSON.stringify(data);
}

afterEach(() => {
  usePageDefinitions([]);
  forgetPackCache();
});

describe('page definitions in a rule pack', () => {
  it('asks before importing a pack that changes page definitions, and lists what changes', async () => {
    const db = await openJzsDB('pages-pack-1');
    const err = await importPack(db, packWithChangedHome(), 'pack.json', NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError & { code: string }).code).toBe('options.packPagesTitle');
    expect((err as PackError).details).toEqual(['~zwdt-home']);
    expect((await activePack(db)).source).toBe('bundled');
    const active = await importPack(db, packWithChangedHome(), 'pack.json', NOW, true);
    expect(active.pack.pages.find((p) => p.id === 'zwdt-home')?.markers).toEqual({ text: '网上办事大厅欢迎你' });
  });

  it('a pack without page changes imports without asking', async () => {
    const db = await openJzsDB('pages-pack-2');
    const data = structuredClone(BUNDLED_PACK_DATA) as Data;
    data.version = '1.9.1';
    await expect(importPack(db, JSON.stringify(data), 'p.json', NOW)).resolves.toMatchObject({ source: 'imported' });
  });

  it('which pages can show 办件 (the panel reads them only there) is the definitions\' `cases`, in the pack in force', async () => {
    const db = await openJzsDB('pages-pack-cases');
    const ctx = { db: async () => db, language: async () => 'zh' as const };
    const shows = async (page: string) => (await pageRules(ctx, { portal: 'jinan-zwdt', page })).cases === true;
    expect(await shows('zwdt-application-detail')).toBe(true);
    expect(await shows('zwdt-my-applications')).toBe(true);
    expect(await shows('zwdt-declaration')).toBe(false);
    expect(await shows('jinan-zwdt-unrecognised')).toBe(false);
    // A pack that knows the portal shows 办件 on the declaration page too, and no longer on 我的申请.
    const data = structuredClone(BUNDLED_PACK_DATA) as Data;
    data.version = '1.9.2';
    data.pages = data.pages.map((p) => (p.id === 'zwdt-declaration' ? { ...p, cases: true } : p.id === 'zwdt-my-applications' ? { ...p, cases: false } : p));
    await importPack(db, JSON.stringify(data), 'p.json', NOW, true);
    expect(await shows('zwdt-declaration')).toBe(true);
    expect(await shows('zwdt-my-applications')).toBe(false);
    expect(await shows('zwdt-application-detail')).toBe(true);
  });

  it('definitions that arrive at run time change detection (no rebuild)', () => {
    const r = replica('zwdt-home');
    const doc = replicaDocument(r, 'source');
    expect(detectPage(new URL(r.url), doc)?.level).toBe('page');
    const home = builtinPages().find((p) => p.id === 'zwdt-home')!;
    expect(usePageDefinitions([{ ...home, markers: { text: '网上办事大厅欢迎你' } }])).toBe(true);
    // Its markers no longer match and the page has no form or table to help with: no panel.
    expect(detectPage(new URL(r.url), doc)).toBeUndefined();
    // A pack may also define a page the build does not know.
    usePageDefinitions([
      { ...home, markers: { text: '网上办事大厅欢迎你' } },
      { id: 'zwdt-service-hall', portal: 'jinan-zwdt', path: '/pages/default/index', markers: { text: '个人办事' } },
    ]);
    expect(detectPage(new URL(r.url), doc)).toMatchObject({ page: 'zwdt-service-hall', level: 'page' });
    usePageDefinitions([]);
    expect(detectPage(new URL(r.url), doc)?.level).toBe('page');
  });
});
