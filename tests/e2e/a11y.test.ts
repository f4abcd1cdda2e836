import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { panelFrame, sendFrom } from './harness';
import { browserPerFile } from './per-file';

/**
 * Accessibility (issue 13.6): axe-core, injected from node_modules into each surface under test (a dev
 * dependency only; evaluated through the DevTools protocol, so the extension pages' CSP is not loosened),
 * finds no WCAG 2.2 A/AA violation on the panel, the popup, the workbench and the printable checklist.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function axe(frame: Frame | Page): Promise<Violation[]> {
  await frame.evaluate(`${AXE}\n;0`);
  return frame.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, TAGS);
}

const summary = (vs: Violation[]) => vs.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

describe('accessibility (axe-core)', () => {
  const s = browserPerFile();
  beforeAll(async () => {
    // Two profiles so that lists, rows and their checkboxes are drawn.
    const bench = await s.openExtensionPage('options.html');
    for (const [name, idNumber] of [['张三', '370102199001011231'], ['李四', '11010519491231002X']] as const) {
      await sendFrom(bench, 'ui:profiles.create', { body: { data: { name, idNumber }, businesses: [], notes: '' } });
    }
    // A case for each, so that the cases table's rows (tick, name button, cells) are drawn and checked too.
    const profiles = await sendFrom<Array<{ id: string }>>(bench, 'ui:profiles.all', {});
    for (const p of profiles) await sendFrom(bench, 'ui:cases.create', { profileId: p.id, business: 'renewal' });
    await bench.close();
  });

  it('the panel (its extension-origin frame, checklist and summary drawn)', async () => {
    const page = await s.open('zwdt-declaration-initial');
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-material]').first().waitFor();
    await panel.locator('[data-jzs-validation-summary]').waitFor();
    const found = await axe(panel);
    expect(summary(found)).toEqual([]);
    await page.close();
  });

  it('the popup', async () => {
    const popup = await s.openExtensionPage('popup.html');
    await popup.locator('[data-jzs-profile]').first().waitFor();
    await popup.locator('[data-jzs-material]').first().waitFor();
    expect(summary(await axe(popup))).toEqual([]);
    await popup.close();
  });

  it('the workbench', async () => {
    const bench = await s.openExtensionPage('options.html');
    await bench.locator('[data-jzs-profile]').first().waitFor();
    await expect.poll(() => bench.locator('[data-jzs-case]').count()).toBe(2);
    expect(summary(await axe(bench))).toEqual([]);
    await bench.close();
  });

  it('the printable checklist', async () => {
    const sheet = await s.openExtensionPage('checklist.html?business=change');
    await sheet.locator('[data-jzs-material]').first().waitFor();
    expect(summary(await axe(sheet))).toEqual([]);
    await sheet.close();
  });
});
