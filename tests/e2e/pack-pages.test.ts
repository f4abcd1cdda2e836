import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK_DATA } from '../../src/rules/bundled';
import type { PageDefinition } from '../../src/rules/schema';
import { sendFrom } from './harness';
import { browserPerFile } from './per-file';

/**
 * Issue 11 "Done when": a page definition changed only in an imported rule pack changes detection in the
 * browser, without a rebuild. The pack goes in through the message the workbench's 「规则包」 import sends.
 */
type Data = { version: string; pages: PageDefinition[] };

/** The portal renamed its home page: the old definition's markers no longer fit, a new one does. */
function packWithNewHome(): string {
  const data = structuredClone(BUNDLED_PACK_DATA) as Data; // the bundled pack's own shape (validated by importPack)
  data.version = '1.9.0';
  const home = data.pages.find((p) => p.id === 'zwdt-home');
  if (!home) throw new Error('zwdt-home is not in the bundled pack');
  data.pages.push({ ...home, id: 'zwdt-service-hall', name: '个人办事大厅', nameEn: 'Service hall', markers: { text: '个人办事' } });
  home.markers = { text: '网上办事大厅欢迎你' };
  return JSON.stringify(data);
}

describe('page definitions from an imported rule pack', () => {
  const s = browserPerFile();

  it('after the import, reloading the replica shows the pack\'s page, with no rebuild', async () => {
    const before = await s.open('zwdt-home');
    const host = before.locator('[data-jzs-overlay]');
    await expect.poll(() => host.getAttribute('data-page')).toBe('zwdt-home');
    const bench = await s.openExtensionPage('options.html');
    // Changing where pages are recognised is asked first: without the confirmation the import is refused.
    const refused = await sendFrom(bench, 'ui:importPack', { fileName: 'pack.json', text: packWithNewHome() }).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    expect(await sendFrom(bench, 'ui:packStatus', {})).toMatchObject({ source: 'bundled' });
    await sendFrom(bench, 'ui:importPack', { fileName: 'pack.json', text: packWithNewHome(), confirmPages: true });
    await before.reload();
    await expect.poll(() => before.locator('[data-jzs-overlay]').getAttribute('data-page')).toBe('zwdt-service-hall');
    await bench.close();
    await before.close();
  });
});
