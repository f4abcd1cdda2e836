import { readFileSync } from 'node:fs';
import * as lib from '@cantoo/pdf-lib';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness';

/** A noisy phone-photo-like "scan" (noise keeps JPEG from shrinking it), fixed seed. */
function scan(width: number, height: number, seed: number): Buffer {
  let s = seed;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const v = (s >> 16) & 0xff;
    data.writeUInt32BE(((v << 24) | (((v + (i >> 7)) & 0xff) << 16) | ((255 - v) << 8) | 0xff) >>> 0, i * 4);
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 95).data);
}

describe('PDF bundle tool in the workbench', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('merges generated scans into one PDF under 2 MB that the upload check accepts', async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `扫描件-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: scan(2100, 1575, 7 + i) }));
    const total = files.reduce((n, f) => n + f.buffer.length, 0);
    expect(total).toBeGreaterThan(2 * 1024 * 1024); // the control: as they are, they would not fit
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-pdf-input]').setInputFiles(files);
    await expect.poll(() => bench.locator('[data-jzs-pdf-page]').count()).toBe(5);
    // Turn the third page, move the last one first.
    await bench.locator('[data-jzs-pdf-page]').nth(2).locator('[data-jzs-action="rotate-page"]').click();
    // The re-encoding runs in the PDF tool's codec worker, not on the workbench page's thread.
    const workers: string[] = [];
    bench.on('worker', (w) => workers.push(w.url()));
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    const result = bench.locator('[data-jzs-pdf-result]');
    await result.waitFor({ timeout: 60_000 });
    expect(workers.filter((u) => u.includes('codec-worker'))).toHaveLength(1);
    const bytes = Number(await result.getAttribute('data-bytes'));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(await result.getAttribute('data-setting')).not.toBe('original');
    await bench.locator('[data-jzs-pdf-check="ok"]').waitFor();
    const [download] = await Promise.all([bench.waitForEvent('download'), bench.locator('[data-jzs-action="download-pdf"]').click()]);
    const saved = readFileSync((await download.path())!);
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.length).toBe(bytes);
    // Every page's image has the side the setting shows the clerk (the browser's decoder once returned 1/8
    // steps below the size asked for: pages came out smaller than the setting said).
    const side = Number((await result.getAttribute('data-setting'))?.split(':')[0]);
    const doc = await lib.PDFDocument.load(saved);
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is lib.PDFRawStream => o instanceof lib.PDFRawStream && o.dict.get(lib.PDFName.of('Subtype')) === lib.PDFName.of('Image'));
    expect(images.map((o) => Math.max(Number(o.dict.get(lib.PDFName.of('Width'))?.toString()), Number(o.dict.get(lib.PDFName.of('Height'))?.toString())))).toEqual(files.map(() => Math.min(2100, side)));
    // No request left the machine.
    expect(s.requests.filter((r) => r.outcome !== 'extension')).toEqual([]);
  });

  it('reports a photo the codec worker cannot decode, and merges again once it is removed', async () => {
    // JPEG's magic, then noise: taken as a JPEG when added, refused only when decoded (in the worker).
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), scan(1200, 900, 3).subarray(2000)]);
    const files = [{ name: '坏照片.jpg', mimeType: 'image/jpeg', buffer: broken }, ...Array.from({ length: 3 }, (_, i) => ({ name: `扫描件-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: scan(2100, 1575, 20 + i) }))];
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-pdf-input]').setInputFiles(files);
    await expect.poll(() => bench.locator('[data-jzs-pdf-page]').count()).toBe(4);
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    await bench.locator('[data-jzs-pdf-error]').waitFor({ timeout: 60_000 });
    expect(await bench.locator('[data-jzs-pdf-result]').count()).toBe(0);
    await bench.locator('[data-jzs-pdf-page]').first().locator('[data-jzs-action="remove-page"]').click();
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    await bench.locator('[data-jzs-pdf-result]').waitFor({ timeout: 60_000 });
  });

  it('清空 and ✕ can be undone: the scans, their order, turns and the merged result come back', async () => {
    const bench = await s.openExtensionPage('options.html');
    const files = Array.from({ length: 3 }, (_, i) => ({ name: `证件-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: scan(400, 300, 21 + i) }));
    await bench.locator('[data-jzs-pdf-input]').setInputFiles(files);
    await expect.poll(() => bench.locator('[data-jzs-pdf-page]').count()).toBe(3);
    await bench.locator('[data-jzs-pdf-page]').nth(1).locator('[data-jzs-action="rotate-page"]').click();
    await bench.locator('[data-jzs-action="merge-pdf"]').click();
    await bench.locator('[data-jzs-pdf-result]').waitFor({ timeout: 60_000 });
    const listed = () => bench.locator('[data-jzs-pdf-page]').evaluateAll((els) => els.map((e) => `${e.textContent?.match(/证件-\d/)?.[0]}:${e.getAttribute('data-rotate')}`));
    const before = await listed();
    expect(before).toEqual(['证件-1:0', '证件-2:90', '证件-3:0']);
    // Each page's buttons are named with the page they act on (a screen reader reads them out of their row).
    const removeNames = await bench.locator('[data-jzs-action="remove-page"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(removeNames).toEqual(['删除：第 1 页（证件-1.jpg）', '删除：第 2 页（证件-2.jpg）', '删除：第 3 页（证件-3.jpg）']);

    // One page removed by mistake: it says which, and undo puts it back in its place.
    await bench.locator('[data-jzs-pdf-page]').nth(0).locator('[data-jzs-action="remove-page"]').click();
    expect(await listed()).toEqual(['证件-2:90', '证件-3:0']);
    expect(await bench.locator('[data-jzs-pdf-dropped]').textContent()).toContain('证件-1.jpg');
    await bench.locator('[data-jzs-action="pdf-undo"]').click();
    expect(await listed()).toEqual(before);

    // 清空 after a merge: everything comes back, the merged PDF too.
    await bench.locator('[data-jzs-action="pdf-clear"]').click();
    expect(await bench.locator('[data-jzs-pdf-page]').count()).toBe(0);
    expect(await bench.locator('[data-jzs-pdf-result]').count()).toBe(0);
    expect(await bench.locator('[data-jzs-pdf-dropped]').textContent()).toContain('3');
    await bench.locator('[data-jzs-action="pdf-undo"]').click();
    expect(await listed()).toEqual(before);
    await bench.locator('[data-jzs-pdf-result]').waitFor();
    expect(await bench.locator('[data-jzs-pdf-dropped]').count()).toBe(0);
    await bench.close();
  });

  it('names the file when a PDF is corrupt', async () => {
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-pdf-input]').setInputFiles([{ name: '坏掉的证书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<') }]);
    await expect.poll(() => bench.locator('[data-jzs-pdf-error]').textContent()).toContain('坏掉的证书.pdf');
  });
});
