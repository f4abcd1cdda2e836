/**
 * `npx tsx tests/demo/readme-shots.ts`: the README's screenshots, taken in headless Chromium (same network
 * guards as the tests), at 1280×860: the panel on the offline replicas (beside the provincial form; above the 网厅
 * form, whose tables leave no room beside it at this width), and the
 * workbench's cases table, deadline view and PDF tool over a store of FICTIONAL applicants made here (names,
 * ID numbers and companies invented; the ID numbers only carry a valid check digit).
 */
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { Page } from 'playwright-core';
import { launch, panelFrame, ROOT, sendFrom, type Session } from '../e2e/harness';
import { replica } from '../fixtures/replicas';
import { checkCharacter } from '../../src/validate/id-number';
import { todayInShanghai } from '../../src/domain/calendar';

const OUT = join(ROOT, 'docs', 'screenshots');

const SHOTS: Array<[string, string]> = [
  ['province-declaration-renewal', 'panel-province.png'],
  ['zwdt-declaration-change', 'panel-zwdt.png'],
];

async function panelShots(session: Session): Promise<void> {
  for (const [name, file] of SHOTS) {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(replica(name).url, { waitUntil: 'load' });
    const panel = await panelFrame(page);
    await panel.locator('[data-jzs-material]').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, file) });
    console.log(`${name}: ${await page.locator('[data-jzs-overlay]').first().getAttribute('data-dock')} → docs/screenshots/${file}`);
    await page.close();
  }
}

/** A day `days` from today (Jinan's calendar), as YYYY-MM-DD. */
function fromToday(days: number, years = 0): string {
  const d = new Date(`${todayInShanghai(new Date())}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function idNumber(birth: string, serial: number): string {
  const first = `370102${birth.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
  return first + checkCharacter(first);
}

/** Invented applicants and their cases, chosen so each column, status and kind of deadline shows. */
const PEOPLE: Array<{ name: string; employer: string; birth: string; expiry: number; contract: number; business: string; status: string; submitted?: number; notes?: string }> = [
  { name: '张明远', employer: '示例建设集团有限公司', birth: '1985-03-12', expiry: 20, contract: 700, business: 'renewal', status: 'preparing', notes: '缺继续教育证明' },
  { name: '李晓雯', employer: '示例建设集团有限公司', birth: '1990-07-08', expiry: 400, contract: 200, business: 'change', status: 'needs-correction', submitted: -12 },
  { name: '王建国', employer: '样板路桥工程有限公司', birth: fromToday(40, -65), expiry: 300, contract: 500, business: 'cancel', status: 'ready' },
  { name: '赵一鸣', employer: '样板路桥工程有限公司', birth: '1979-11-30', expiry: -5, contract: 900, business: 'renewal', status: 'submitted', submitted: -3 },
  { name: '陈思远', employer: '虚构市政工程有限公司', birth: '1988-01-21', expiry: 600, contract: 800, business: 'initial', status: 'in-review', submitted: -20 },
  { name: '刘佳怡', employer: '虚构市政工程有限公司', birth: '1993-05-02', expiry: 800, contract: 1000, business: 'info-change', status: 'done', submitted: -40 },
  { name: '周文博', employer: '示例建设集团有限公司', birth: '1982-09-15', expiry: 75, contract: 340, business: 'add-specialty', status: 'returned', submitted: -60, notes: '单位更名后重新申报' },
];

async function seed(page: Page): Promise<void> {
  for (const [i, p] of PEOPLE.entries()) {
    const profile = await sendFrom<{ id: string }>(page, 'ui:profiles.create', {
      body: { data: { name: p.name, idNumber: idNumber(p.birth, 101 + i * 2), birthDate: p.birth, employerName: p.employer, registrationExpiry: fromToday(p.expiry), contractEnd: fromToday(p.contract) } },
    });
    const made = await sendFrom<{ id: string; revision: number }>(page, 'ui:cases.create', { profileId: profile.id, business: p.business });
    await sendFrom(page, 'ui:cases.update', {
      items: [{ id: made.id, revision: made.revision }],
      patch: { status: p.status, notes: p.notes ?? '', submittedOn: p.submitted === undefined ? null : fromToday(p.submitted), ready: ['application-form', 'id-card'] },
    });
  }
}

/** A phone-photo-like scan: grain that JPEG cannot squeeze (fixed seed). */
function scan(width: number, height: number, seed: number): Buffer {
  let s = seed;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const v = 170 + ((s >> 16) & 0x3f);
    data.writeUInt32BE(((v << 24) | (v << 16) | ((v - 10) << 8) | 0xff) >>> 0, i * 4);
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 95).data);
}

async function workbenchShots(session: Session): Promise<void> {
  const page = await session.openExtensionPage('options.html');
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.locator('[data-jzs-cases-panel]').waitFor();
  await seed(page);
  await page.reload();
  await page.locator('[data-jzs-case]').nth(PEOPLE.length - 1).waitFor();
  await page.locator('[data-jzs-case-select]').nth(1).check();
  await page.locator('[data-jzs-case-select]').nth(3).check();
  await page.locator('[data-jzs-cases-panel]').screenshot({ path: join(OUT, 'workbench-cases.png') });
  await page.locator('[data-jzs-deadline]').first().waitFor();
  await page.locator('[data-jzs-deadlines-panel]').screenshot({ path: join(OUT, 'workbench-deadlines.png') });
  const names = ['身份证正面.jpg', '身份证反面.jpg', '注册证书.jpg', '劳动合同第1页.jpg', '劳动合同第2页.jpg'];
  await page.locator('[data-jzs-pdf-input]').setInputFiles(names.map((name, i) => ({ name, mimeType: 'image/jpeg', buffer: scan(1200, 900, 11 + i) })));
  await page.locator('[data-jzs-pdf-page]').nth(names.length - 1).waitFor();
  await page.locator('[data-jzs-pdf-page]').nth(2).locator('[data-jzs-action="rotate-page"]').click();
  await page.locator('[data-jzs-action="merge-pdf"]').click();
  await page.locator('[data-jzs-pdf-check]').waitFor({ timeout: 60_000 });
  await page.locator('[data-jzs-pdf-panel]').screenshot({ path: join(OUT, 'workbench-pdf.png') });
  console.log('workbench: cases, deadlines, PDF tool → docs/screenshots/workbench-{cases,deadlines,pdf}.png');
  const asked = session.requests.filter((r) => r.outcome !== 'extension' && r.outcome !== 'replica');
  if (asked.length) throw new Error(`requests outside the extension and the replicas: ${asked.map((r) => r.url).join(', ')}`);
}

async function main(): Promise<void> {
  const session = await launch();
  try {
    await panelShots(session);
    await workbenchShots(session);
  } finally {
    await session.close();
  }
}

void main();
