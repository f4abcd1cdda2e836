import { getLang, t } from '../../i18n';
import { checkApplies } from '../../rules/status';
import type { ChecklistView } from '../../rules/status';
import { Zh } from './Zh';

/**
 * 注意事项 of a printed checklist or case packet: the business's rules that hold under the situations set (变更 +
 * 单位更名 asks for no contract, so no contract rule). In English the rule reads in English, then the Chinese
 * wording an official would recognise.
 */
export function RuleChecks({ view, conditions }: { view: ChecklistView; conditions: ReadonlySet<string> }) {
  const checks = view.checks.filter((c) => checkApplies(c, conditions));
  if (!checks.length) return null;
  const en = getLang() === 'en';
  return (
    <>
      <h2>{t('checklistPage.checks')}</h2>
      <ul class="checks">
        {checks.map((c) =>
          en && c.textEn ? (
            <li key={c.id} data-jzs-check={c.id}>
              {c.textEn} (<Zh>{c.text}</Zh>)
            </li>
          ) : (
            <li key={c.id} lang="zh-CN" data-jzs-check={c.id}>
              {c.text}
            </li>
          ),
        )}
      </ul>
    </>
  );
}
