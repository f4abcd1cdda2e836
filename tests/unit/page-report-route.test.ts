import { describe, expect, it } from 'vitest';
import '../../src/i18n/all';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import type { PageReport } from '../../src/portals/page-report';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { type BodyCodec, lockedCodec, plainCodec } from '../../src/security/codec';
import { openJzsDB } from '../../src/storage/db';
import { noTabs, testRoutes } from '../helpers/routes';

/** What a frame's content script answers: it has no names, so a heading still carries the applicant's. */
const FROM_FRAME: PageReport = {
  format: 'jzs-page-report',
  portal: 'jinan-zwdt',
  page: 'zwdt-declaration',
  level: 'family',
  confidence: 0.6,
  business: 'renewal',
  path: '/epoint-zwdt/declarationinfo',
  queryKeys: ['rowguid'],
  headings: ['欧阳晓明的二级建造师延续注册'],
  labels: ['申请人姓名'],
  controls: [{ tag: 'input', type: 'text', id: 'sqrxm', name: 'sqrxm', class: '', label: '申请人姓名', field: 'name' }],
  tables: [['材料名称', '欧阳晓明提交']],
  frames: [],
};

/** The background's routes over a fresh database; `codec` says whether the profiles can be read. */
async function background(codec: () => BodyCodec) {
  const name = `page-report-${crypto.randomUUID()}`;
  const db = () => openJzsDB(name);
  const writer = new ProfileService(new ProfileStore(db, () => plainCodec), () => plainCodec);
  await writer.create({ data: { name: '欧阳晓明' } }, new Date());
  const asked: Array<[number, number, string]> = [];
  const tabs = {
    ...noTabs(),
    sendToFrame: async (tabId: number, frameId: number, message: string) => {
      asked.push([tabId, frameId, message]);
      return { report: structuredClone(FROM_FRAME) };
    },
  };
  const { routes } = testRoutes({ db, codec, tabs });
  const call = (sender: SenderInfo) => dispatch(routes, { jzs: 1, name: 'ui:panel.pageReport', data: { frameId: 3 } }, sender);
  return { call, asked };
}

const panel: SenderInfo = { kind: 'extension', url: 'chrome-extension://x/panel.html', panel: { tabId: 7, portal: 'jinan-zwdt' } };

describe('the page report through the background', () => {
  it('asks the frame the panel names, in the panel\'s tab, and redacts stored applicants\' names', async () => {
    const { call, asked } = await background(() => plainCodec);
    const reply = await call(panel);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const { report, namesRedacted } = reply.data as { report: PageReport; namesRedacted: boolean }; // the route's reply
    expect(asked).toEqual([[7, 3, 'bg:pageReport']]);
    expect(namesRedacted).toBe(true);
    expect(JSON.stringify(report)).not.toContain('欧阳晓明');
    expect(report.headings).toEqual(['[姓名]的二级建造师延续注册']);
    expect(report.tables).toEqual([['材料名称', '[姓名]提交']]);
  });

  it('locked: the report comes without the name redaction, and says so', async () => {
    const { call } = await background(() => lockedCodec);
    const reply = await call(panel);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect((reply.data as { namesRedacted: boolean }).namesRedacted).toBe(false); // the route's reply
  });

  it('only the panel frame of a portal tab may ask', async () => {
    const { call, asked } = await background(() => plainCodec);
    const reply = await call({ kind: 'extension', url: 'chrome-extension://x/popup.html' });
    expect(reply.ok).toBe(false);
    expect(asked).toEqual([]);
  });
});
