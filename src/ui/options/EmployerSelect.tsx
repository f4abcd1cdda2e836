import { t } from '../../i18n';

// "All employers" needs a value no employer can have: '' already means "no employer".
const ALL = '\u0000';

/**
 * The employer filter of the cases table and the deadlines view: all employers, or one of `employers` ('' is
 * the applicants with none). Employer names are data, marked Chinese. `hook` carries the surface's test hook.
 */
export function EmployerSelect({ employers, value, onChange, allLabel, hook }: { employers: readonly string[] | undefined; value: string | undefined; onChange: (employer: string | undefined) => void; allLabel: string; hook: Record<string, string> }) {
  return (
    <select {...hook} value={value ?? ALL} onChange={(e) => onChange(e.currentTarget.value === ALL ? undefined : e.currentTarget.value)}>
      <option value={ALL}>{allLabel}</option>
      {employers?.map((emp) => (
        <option key={emp} value={emp} lang={emp ? 'zh-CN' : undefined}>
          {emp || t('cases.noEmployer')}
        </option>
      ))}
    </select>
  );
}
