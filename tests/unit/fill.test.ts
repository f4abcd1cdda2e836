import { describe, expect, it } from 'vitest';
import { FillService, type PlanStore, type StoredPlan, type TabsApi } from '../../src/background/fill';
import { itemsToWrite, planFill } from '../../src/fill/planner';
import type { CollectedField } from '../../src/fill/types';
import { pickOption, sameChoice, synonyms } from '../../src/fill/vocab';
import { plainCodec } from '../../src/profiles/codec';
import { ProfileService } from '../../src/profiles/service';
import { ProfileStore } from '../../src/profiles/store';
import { type JzsDatabase, openJzsDB } from '../../src/storage/db';

const field = (over: Partial<CollectedField>): CollectedField => ({
  frameId: 0,
  fid: over.key ?? 'f',
  key: 'name',
  kind: 'text',
  label: '姓名',
  current: '',
  readOnly: false,
  disabled: false,
  hidden: false,
  ...over,
});

describe('vocabularies', () => {
  it('match choices written differently', () => {
    expect(sameChoice('本科', '大学本科')).toBe(true);
    expect(sameChoice('男', '1')).toBe(true);
    expect(sameChoice('汉', '汉族')).toBe(true);
    expect(sameChoice('大专', '中专')).toBe(false);
    const options = [{ text: '硕士研究生', value: '14' }, { text: '大学本科', value: '21' }];
    expect(pickOption('本科', options)?.value).toBe('21');
    expect(pickOption('21', [{ text: '本科毕业', value: '21' }])?.text).toBe('本科毕业'); // a code matches the option's value
    expect(pickOption('研究生', options)).toBeUndefined();
    expect(synonyms('男')).toContain('1');
  });
});

describe('fill planner', () => {
  const data = { name: '张三', birthDate: '1990-01-01', gender: '男', education: '本科', mobile: '13805310000', retired: false };

  it('fills empty fields, leaves equal ones, holds back different ones, never writes hidden/disabled/read-only', () => {
    const items = planFill(
      [
        field({ key: 'name', fid: 'a' }),
        field({ key: 'birthDate', fid: 'b', kind: 'text', format: 'yyyy/MM/dd', current: '1990/1/1' }),
        field({ key: 'mobile', fid: 'c', current: '138-0531-0000' }),
        field({ key: 'name', fid: 'd', current: '李四' }),
        field({ key: 'name', fid: 'e', readOnly: true }),
        field({ key: 'name', fid: 'f', hidden: true }),
        field({ key: 'name', fid: 'g', disabled: true }),
        field({ key: 'email', fid: 'h' }),
      ],
      data,
    );
    expect(items.map((i) => [i.fid, i.action, i.reason ?? ''])).toEqual([
      ['a', 'fill', ''],
      ['b', 'same', ''],
      ['c', 'same', ''],
      ['d', 'conflict', ''],
      ['e', 'skip', 'readonly'],
      ['f', 'skip', 'hidden'],
      ['g', 'skip', 'disabled'],
      ['h', 'skip', 'no-value'],
    ]);
    expect(itemsToWrite(items, new Set()).map((i) => i.fid)).toEqual(['a']);
    expect(itemsToWrite(items, new Set(['0:d'])).map((i) => i.fid)).toEqual(['a', 'd']);
  });

  it('formats dates for the field and picks options by text or code', () => {
    const [date, edu, sex, retired] = planFill(
      [
        field({ key: 'birthDate', fid: 'b', format: 'yyyy年M月d日' }),
        field({ key: 'education', fid: 'e', kind: 'select', options: [{ text: '大学本科', value: '3' }, { text: '大学专科', value: '4' }] }),
        field({ key: 'gender', fid: 's', kind: 'radio', options: [{ text: '男', value: '1' }, { text: '女', value: '2' }] }),
        field({ key: 'retired', fid: 'r', kind: 'radio', options: [{ text: '否', value: '0' }, { text: '是', value: '1' }] }),
      ],
      data,
    );
    expect(date?.proposed).toBe('1990年1月1日');
    expect(edu?.proposed).toBe('大学本科');
    expect(sex?.proposed).toBe('男');
    expect(retired?.proposed).toBe('否');
    const [none] = planFill([field({ key: 'education', kind: 'select', options: [{ text: '博士研究生', value: '1' }] })], data);
    expect(none).toMatchObject({ action: 'skip', reason: 'no-option' });
  });
});

/** A fill service over a fake tab 7 (「个人基本资料维护」) whose frames answer through `sendToFrame`. */
function serviceOver(db: JzsDatabase, profiles: ProfileService, frames: number[], sendToFrame: TabsApi['sendToFrame']): FillService {
  const tabs: TabsApi = { portalFrames: async () => frames, sendToFrame, mainWorld: async () => undefined, tabTitle: async () => '个人基本资料维护', targetTab: async () => 7 };
  const stored = new Map<string, StoredPlan>();
  const plans: PlanStore = { get: async (id) => stored.get(id), set: async (id, v) => void stored.set(id, v), remove: async (id) => void stored.delete(id) };
  return new FillService({ profiles, db: async () => db, codec: () => plainCodec, tabs, plans, now: () => new Date() });
}

describe('fill service', () => {
  it('plans every portal frame, writes only what was confirmed, reads back and logs', async () => {
    const db = await openJzsDB('fill-service');
    const profiles = new ProfileService(new ProfileStore(async () => db, () => plainCodec), () => plainCodec);
    const p = await profiles.create({ data: { name: '张三', mobile: '13805310000', email: 'zs@example.cn' } }, new Date());
    await db.put('settings', { key: 'activeProfileId', value: p.id });
    const page: Record<string, string> = { a: '', b: '', c: '13900000000' };
    const writes: string[] = [];
    const service = serviceOver(
      db,
      profiles,
      [0, 3],
      (async (_tab: number, frameId: number, name: string, data: { writes?: Array<{ fid: string; value: string }> }) => {
        if (name === 'bg:collect') {
          return frameId === 0
            ? { page: 'province-basic-info', fields: [{ fid: 'a', key: 'name', kind: 'text', label: '姓名', current: page.a, readOnly: false, disabled: false, hidden: false }, { fid: 'c', key: 'mobile', kind: 'text', label: '手机', current: page.c, readOnly: false, disabled: false, hidden: false }] }
            : { page: null, fields: [{ fid: 'b', key: 'email', kind: 'text', label: '电子邮箱', current: page.b, readOnly: false, disabled: false, hidden: false }] };
        }
        if (name === 'bg:write') {
          for (const w of data.writes ?? []) {
            writes.push(w.fid);
            page[w.fid] = w.fid === 'b' ? w.value.toUpperCase() : w.value; // the page reformats the email
          }
          return { results: (data.writes ?? []).map((w) => ({ fid: w.fid, ok: true })) };
        }
        if (name === 'bg:readBack') return { values: { ...page } };
        return undefined;
      }) as TabsApi['sendToFrame'],
    );

    const preview = await service.plan(7);
    expect(writes).toEqual([]); // planning writes nothing
    expect(preview.items.map((i) => [i.id, i.action])).toEqual([
      ['0:a', 'fill'],
      ['0:c', 'conflict'],
      ['3:b', 'fill'],
    ]);
    const results = await service.apply(preview.planId, []);
    expect(writes.sort()).toEqual(['a', 'b']); // the conflicting mobile was left alone
    expect(results.map((r) => [r.key, r.outcome])).toEqual([
      ['name', 'ok'],
      ['email', 'mismatch'],
    ]);
    await expect(service.apply(preview.planId, [])).rejects.toThrow('预览已过期');
    const log = await service.logOf(p.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ portal: 'province', pages: ['province-basic-info'], fields: ['name', 'email'], ok: 1, mismatched: 1 });
  });

  it('reads a field that shows its new value a moment late once more, and only that field', async () => {
    const db = await openJzsDB('fill-service-late');
    const profiles = new ProfileService(new ProfileStore(async () => db, () => plainCodec), () => plainCodec);
    const p = await profiles.create({ data: { name: '张三', mobile: '13805310000' } }, new Date());
    await db.put('settings', { key: 'activeProfileId', value: p.id });
    const reads: string[][] = [];
    const field = (fid: string, key: string) => ({ fid, key, kind: 'text', label: key, current: '', readOnly: false, disabled: false, hidden: false });
    const service = serviceOver(
      db,
      profiles,
      [0],
      (async (_tab: number, _frame: number, name: string, data: { writes?: Array<{ fid: string; value: string }>; fids?: string[] }) => {
        if (name === 'bg:collect') return { page: 'province-basic-info', fields: [field('a', 'name'), field('c', 'mobile')] };
        if (name === 'bg:write') return { results: (data.writes ?? []).map((w) => ({ fid: w.fid, ok: true })) };
        if (name === 'bg:readBack') {
          reads.push(data.fids ?? []);
          // The name shows at once; the mobile only from the second look.
          const values = { a: '张三', c: reads.length > 1 ? '13805310000' : '' };
          return { values: Object.fromEntries((data.fids ?? []).map((f) => [f, values[f as 'a' | 'c']])) };
        }
        return undefined;
      }) as TabsApi['sendToFrame'],
    );
    const results = await service.apply((await service.plan(7)).planId, []);
    expect(results.map((r) => [r.key, r.outcome])).toEqual([
      ['name', 'ok'],
      ['mobile', 'ok'],
    ]);
    expect(reads).toEqual([['a', 'c'], ['c']]);
  });
});
