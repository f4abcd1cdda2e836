/** The rule pack in force: the checklist look-up, and importing, reverting and exporting a pack. */
import type { PackStatus } from '../../messaging/protocol';
import { bundledPack } from '../../rules/bundled';
import { type ActivePack, activePack, importPack, revertPack } from '../../rules/store';
import { checklistView } from '../../rules/view';
import type { Routes } from '../router';
import type { RouteContext } from './context';

function packStatus(active: ActivePack): PackStatus {
  const { pack } = active;
  return {
    version: pack.version,
    effectiveFrom: pack.effectiveFrom,
    title: pack.title,
    source: active.source,
    bundledVersion: bundledPack().version,
    fileName: active.fileName,
    importedAt: active.importedAt,
    sources: pack.sources,
  };
}

export const rulePackRoutes = ({ db, now }: RouteContext) =>
  ({
    'ui:checklist': {
      from: ['extension'],
      handle: async ({ business }) => {
        const active = await activePack(await db());
        return { checklist: checklistView(active.pack, business), offices: active.pack.offices, pack: packStatus(active) };
      },
    },
    'ui:packStatus': { from: ['extension'], handle: async () => packStatus(await activePack(await db())) },
    'ui:importPack': {
      from: ['extension'],
      handle: async ({ fileName, text, confirmPages }) => packStatus(await importPack(await db(), text, fileName, now(), confirmPages === true)),
    },
    'ui:revertPack': { from: ['extension'], handle: async () => packStatus(await revertPack(await db())) },
    'ui:exportPack': {
      from: ['extension'],
      handle: async () => {
        const { pack } = await activePack(await db());
        return { fileName: `jzs-rule-pack-${pack.version}.json`, text: `${JSON.stringify(pack, null, 2)}\n` };
      },
    },
  }) satisfies Partial<Routes>;
