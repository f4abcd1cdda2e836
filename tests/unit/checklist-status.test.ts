import { describe, expect, it } from 'vitest';
import { readMaterialTables } from '../../src/portals/material-table';
import { bundledPack } from '../../src/rules/bundled';
import { matchMaterial, progress, statusOf } from '../../src/rules/status';
import { checklistView } from '../../src/rules/view';

const pack = bundledPack();
const view = (id: Parameters<typeof checklistView>[1]) => checklistView(pack, id);
const statuses = (id: Parameters<typeof checklistView>[1], active: string[], done: string[] = []) =>
  Object.fromEntries(view(id).items.map((i) => [i.id, statusOf(i, new Set(active), new Set(done))]));

describe('material status', () => {
  it('marks a conditional item not-needed until its condition is set', () => {
    expect(statuses('initial', [])['retirement-certificate']).toBe('not-needed');
    expect(statuses('initial', ['retired'])['retirement-certificate']).toBe('missing');
    expect(statuses('initial', ['retired'], ['retirement-certificate'])['retirement-certificate']).toBe('done');
  });

  it('变更 with 单位更名: items 1-3 and the company documents, nothing else', () => {
    const s = statuses('change', ['company-renamed']);
    expect(Object.entries(s).filter(([, v]) => v !== 'not-needed').map(([k]) => k)).toEqual([
      'application-form',
      'id-card',
      'registration-certificate',
      'business-license',
      'company-qualification-certificate',
      'legal-representative-video',
    ]);
  });

  it('注销: 其它材料 is done when every needed part is done', () => {
    const other = view('cancel').items.find((i) => i.id === 'other-materials')!;
    const active = new Set(['cancel-dismissed']);
    expect(statusOf(other, active, new Set(['cancellation-statement']))).toBe('missing');
    expect(statusOf(other, active, new Set(['cancellation-statement', 'dismissal-certificate', 'registration-certificate']))).toBe('done');
    // Certificate lost: the loss report replaces the certificate.
    const lost = new Set(['cancel-dismissed', 'certificate-lost']);
    expect(statusOf(other, lost, new Set(['cancellation-statement', 'dismissal-certificate', 'loss-report']))).toBe('done');
  });

  it('counts progress over needed items only', () => {
    expect(progress(view('initial'), new Set(), new Set(['id-card', 'application-form']))).toEqual({ needed: 6, done: 2 });
    expect(progress(view('initial'), new Set(['retired']), new Set())).toEqual({ needed: 7, done: 0 });
  });
});

describe('matching portal material names to rule materials', () => {
  const items = view('initial').items;
  it.each([
    ['二级建造师注册申请表', 'application-form'],
    ['身份证', 'id-card'],
    ['本人持身份证有声视频', 'personal-video'],
    ['诚信证明（社保缴纳证明）', 'integrity-proof'],
    ['退休证明（退休人员提供）', 'retirement-certificate'],
    ['劳动合同', 'labor-contract'],
    ['学历证书', 'education-certificate'],
  ])('%s → %s', (name, id) => {
    expect(matchMaterial(name, items)?.id).toBe(id);
  });
  it('finds nothing for an unrelated row', () => {
    expect(matchMaterial('住房公积金提取申请', items)).toBeUndefined();
  });
});

describe('reading a page material table', () => {
  it('reads an Epoint upload table: a file link or 已上传 marks the row', () => {
    document.body.innerHTML = `<table class="list"><thead><tr><th>序号</th><th>材料名称</th><th>电子材料</th><th>状态</th></tr></thead>
      <tbody><tr><td>1</td><td class="clname">申请表</td><td><div class="mini-webuploader"></div></td><td><span>未上传</span></td></tr>
      <tr><td>2</td><td>身份证</td><td><a class="attach-file" href="javascript:void(0)">身份证.pdf</a></td><td><span>已上传</span></td></tr>
      <tr><td>3</td><td>劳动合同</td><td></td><td>已上传</td></tr></tbody></table>`;
    expect(readMaterialTables(document)).toEqual([
      { name: '申请表', hasFile: false },
      { name: '身份证', hasFile: true },
      { name: '劳动合同', hasFile: true },
    ]);
  });

  it('reads a MiniUI grid (td header cells) with a 收取情况 checkbox column', () => {
    document.body.innerHTML = `<div class="mini-grid"><table class="mini-grid-table"><tr class="mini-grid-headerRow">
      <td class="mini-grid-headerCell"><div>材料名称</div></td><td class="mini-grid-headerCell"><div>收取情况</div></td></tr>
      <tr class="mini-grid-row"><td><div>注册证书</div></td><td><span class="mini-checkbox"><input type="checkbox" checked></span></td></tr>
      <tr class="mini-grid-row"><td><div>本人视频</div></td><td><span class="mini-checkbox"><input type="checkbox"><label>已收取</label></span></td></tr></table></div>`;
    expect(readMaterialTables(document)).toEqual([
      { name: '注册证书', hasFile: true },
      { name: '本人视频', hasFile: false },
    ]);
  });

  it('ignores tables without a 材料名称 column', () => {
    document.body.innerHTML = '<table><tr><th>申报流水号</th><th>事项名称</th></tr><tr><td>1</td><td>申请表</td></tr></table>';
    expect(readMaterialTables(document)).toEqual([]);
  });
});
