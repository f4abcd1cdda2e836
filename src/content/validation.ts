import type { FieldKey } from '../domain/ids';
import { getLang, isMessageKey, joinClauses, t } from '../i18n';
import type { FieldMapView } from '../messaging/protocol';
import type { PageField } from '../portals/fields';
import type { RunnableCheck } from '../rules/status';
import { runChecks, type Values } from '../validate/checks';
import type { Finding, Severity } from '../validate/types';
import { validateValue } from '../validate/value';
import { type FrameValidator, HINT_TAG, validatedFields } from './checker';
import { styleStatus } from './status-style';
import { setMarkedText } from './marked-text';

export interface SummaryItem {
  key: FieldKey;
  name: string;
  severity: Severity;
  message: string;
}

export interface ValidationSummary {
  items: SummaryItem[];
  missing: Array<{ key: FieldKey; name: string }>;
  mapped: number;
  /** The validators were not injected into this frame (checker.ts `summaryOnly`): nothing was checked — never a clean page. */
  unchecked?: true;
}

export interface ValidatorOptions {
  defs: readonly FieldMapView[];
  checks: readonly RunnableCheck[];
  expected: readonly FieldKey[];
  onlyFields?: readonly FieldKey[] | undefined;
  conditions: () => ReadonlySet<string>;
  now: () => Date;
  onSummary: (s: ValidationSummary) => void;
  /** What a field shows (fields.ts `readText`): the content script's own reader, so the frame holds one copy. */
  readText: (field: PageField) => string;
}

export const findingText = (f: Finding): string => {
  const key = `v.${f.code}`;
  // A code no catalogue knows shows as itself (as `t` does with a missing key).
  return isMessageKey(key) ? t(key, f.params) : key;
};
const RANK: Record<Severity | 'ok', number> = { error: 2, warning: 1, ok: 0 };

/**
 * Inline validation on a portal page: hints beside fields, a summary for the overlay. Listens passively (never
 * blocks typing), validates on input, change, blur and on load; `rebind` after the page re-renders. Injected with
 * the validators (checker.ts), not bundled into the content script.
 */
export class PageValidator implements FrameValidator {
  private fields: PageField[] = [];
  private readonly hints = new Map<FieldKey, HTMLElement>();
  private timer: number | undefined;
  private readonly listener = (e: Event) => {
    const target = e.target;
    if (!(target instanceof Node) || !this.fields.some((f) => f.anchor.contains(target) || f.input === target)) return;
    this.schedule(e.type === 'input' ? 250 : 0);
  };

  private readonly fieldName = (key: FieldKey): string => {
    const def = this.opts.defs.find((d) => d.key === key);
    return (getLang() === 'en' ? def?.nameEn : def?.name) ?? key;
  };

  /**
   * `mapped`: the page's fields (fields.ts `mapControls`; the caller maps them, since the labels are read by the
   * background: src/content/label-cache.ts).
   */
  constructor(
    private readonly doc: Document,
    private readonly opts: ValidatorOptions,
    mapped: PageField[],
  ) {
    for (const type of ['input', 'change', 'focusout']) doc.addEventListener(type, this.listener, { capture: true, passive: true });
    this.rebind(mapped);
  }

  /** The page's fields as mapped again (after a re-render): validate them. */
  rebind(all: PageField[]): void {
    this.fields = validatedFields(all, this.opts.onlyFields);
    this.validate();
  }

  schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.validate(), delay);
  }

  fieldsByKey(): Map<FieldKey, PageField[]> {
    const byKey = new Map<FieldKey, PageField[]>();
    for (const f of this.fields) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
    return byKey;
  }

  validate(): ValidationSummary {
    const byKey = this.fieldsByKey();
    const now = this.opts.now();
    const values: Values = {};
    const perKey = new Map<FieldKey, { field: PageField; findings: Finding[]; hasValue: boolean }>();
    for (const [key, list] of byKey) {
      const def = this.opts.defs.find((d) => d.key === key) ?? { validate: 'text' as const };
      // The first control of a key that holds a value speaks for it; else the first one. A box the person can type
      // in comes before a read-only one: that shows a value on record (the contract registered before), and the
      // hint and the checks are about what is being entered.
      const withText = list.map((field) => ({ field, text: this.opts.readText(field) }));
      const editable = withText.filter((x) => !x.field.readOnly && !x.field.disabled);
      const primary = editable.find((x) => x.text.trim()) ?? editable[0] ?? withText.find((x) => x.text.trim()) ?? withText[0];
      if (!primary) continue;
      const result = validateValue(def, primary.text, now);
      if (result.value !== undefined && !result.findings.some((f) => f.severity === 'error')) values[key] = result.value;
      perKey.set(key, { field: primary.field, findings: [...result.findings], hasValue: primary.text.trim() !== '' });
    }
    const items: SummaryItem[] = [];
    for (const f of runChecks(this.opts.checks, values, { now, conditions: this.opts.conditions() })) {
      const entry = perKey.get(f.field);
      if (entry) entry.findings.push(f);
      else items.push({ key: f.field, name: this.fieldName(f.field), severity: f.severity, message: findingText(f) });
    }
    for (const [key, entry] of perKey) {
      const sorted = [...entry.findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
      const severity: Severity | 'ok' | undefined = sorted[0]?.severity ?? (entry.hasValue ? 'ok' : undefined);
      this.showHint(key, entry.field, severity, joinClauses(sorted.map(findingText)) || t('v.ok'));
      for (const f of sorted) items.push({ key, name: this.fieldName(key), severity: f.severity, message: findingText(f) });
    }
    for (const [key, hint] of this.hints) {
      if (!perKey.has(key)) {
        hint.remove();
        this.hints.delete(key);
      }
    }
    const missing = this.opts.expected.filter((k) => !byKey.has(k)).map((key) => ({ key, name: this.fieldName(key) }));
    const summary = { items: items.sort((a, b) => RANK[b.severity] - RANK[a.severity]), missing, mapped: byKey.size };
    this.opts.onSummary(summary);
    return summary;
  }

  /** Exactly one hint per field key and frame, right after the field it speaks about. */
  private showHint(key: FieldKey, field: PageField, severity: Severity | 'ok' | undefined, message: string): void {
    let hint = this.hints.get(key);
    if (!severity) {
      hint?.remove();
      this.hints.delete(key);
      return;
    }
    if (!hint) {
      hint = this.doc.createElement(HINT_TAG);
      hint.setAttribute('data-jzs-field', key);
      hint.setAttribute('role', 'status');
      this.hints.set(key, hint);
    }
    if (hint.previousElementSibling !== field.anchor || !hint.isConnected) field.anchor.after(hint);
    if (hint.getAttribute('data-severity') !== severity) {
      hint.setAttribute('data-severity', severity);
      styleStatus(hint, severity, 'inline-block');
    }
    setMarkedText(hint, message);
  }

  destroy(): void {
    for (const type of ['input', 'change', 'focusout']) this.doc.removeEventListener(type, this.listener, { capture: true });
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const hint of this.hints.values()) hint.remove();
    this.hints.clear();
  }
}
