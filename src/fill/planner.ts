import { DATE_FIELDS } from '../domain/fields';
import type { ProfileData } from '../profiles/schema';
import { formatForField, parseDateText } from '../validate/dates';
import { normaliseIdNumber } from '../validate/id-number';
import type { CollectedField, FillItem } from './types';
import { pickOption, sameChoice } from './vocab';

const CHOICE_KINDS = new Set(['select', 'radio', 'checkbox', 'mini-combo', 'mini-list']);

/**
 * A stored calendar value in the field's format. A month-level value (yyyy-MM) goes only where no day is asked
 * for, and `open-ended` into no date field: a made-up day would be a wrong value.
 */
function dateFor(raw: string, field: CollectedField): string | undefined {
  const pattern = field.format ?? 'yyyy-MM-dd';
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return field.kind === 'mini-date' ? raw : formatForField(raw, pattern);
  if (/^\d{4}-\d{2}$/.test(raw) && !/d/.test(pattern)) return formatForField(`${raw}-01`, pattern);
  return undefined;
}

/** The profile's value for a field, as the field wants it written (dates in the field's format). */
export function valueFor(field: CollectedField, data: ProfileData): string | undefined {
  const raw = (data as Record<string, unknown>)[field.key];
  if (field.key === 'retired') return raw === true ? '是' : raw === false ? '否' : undefined;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  if (DATE_FIELDS.has(field.key)) return dateFor(raw, field);
  return raw;
}

/** Do the field's current text and our value mean the same (2025/3/1 = 2025-03-01, 汉 = 汉族, x = X)? */
export function sameValue(field: Pick<CollectedField, 'key' | 'kind'>, current: string, proposed: string): boolean {
  const a = current.trim();
  const b = proposed.trim();
  if (a === b) return true;
  if (!a || !b) return false;
  if (DATE_FIELDS.has(field.key)) {
    const da = parseDateText(a).value;
    return da !== undefined && da === parseDateText(b).value;
  }
  if (field.key === 'idNumber') return normaliseIdNumber(a) === normaliseIdNumber(b);
  if (field.key === 'mobile' || field.key === 'phone') return a.replace(/\D/g, '') === b.replace(/\D/g, '');
  if (CHOICE_KINDS.has(field.kind)) {
    const as = a.split(',').map((x) => x.trim()).filter(Boolean);
    const bs = b.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
    return as.length === bs.length && bs.every((x) => as.some((y) => sameChoice(x, y)));
  }
  return a.normalize('NFKC') === b.normalize('NFKC');
}

/**
 * What a fill would do, field by field. Nothing here writes: the user sees this as the preview.
 * - empty field → fill; same value → nothing to do; another value → conflict, written only if the user
 *   ticks overwrite;
 * - hidden, zero-size, disabled or read-only fields are never written;
 * - choices are matched by option text or code through the vocabularies.
 */
export function planFill(fields: readonly CollectedField[], data: ProfileData): FillItem[] {
  return fields.map((f) => {
    const proposedRaw = valueFor(f, data);
    const base = { id: `${f.frameId}:${f.fid}`, frameId: f.frameId, fid: f.fid, key: f.key, kind: f.kind, label: f.label, miniId: f.miniId, current: f.current };
    if (proposedRaw === undefined) return { ...base, proposed: '', action: 'skip', reason: 'no-value' };
    let proposed = proposedRaw;
    if (f.options && CHOICE_KINDS.has(f.kind)) {
      const wanted = f.kind === 'checkbox' ? proposedRaw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : [proposedRaw];
      const picked = wanted.map((w) => pickOption(w, f.options!));
      if (picked.some((p) => p === undefined)) return { ...base, proposed: proposedRaw, action: 'skip', reason: 'no-option' };
      proposed = picked.map((p) => p!.text).join(',');
    }
    if (f.hidden) return { ...base, proposed, action: 'skip', reason: 'hidden' };
    if (f.disabled) return { ...base, proposed, action: 'skip', reason: 'disabled' };
    if (f.readOnly) return { ...base, proposed, action: 'skip', reason: 'readonly' };
    if (sameValue(f, f.current, proposed)) return { ...base, proposed, action: 'same' };
    if (f.current.trim()) return { ...base, proposed, action: 'conflict' };
    return { ...base, proposed, action: 'fill' };
  }) as FillItem[];
}

/** Which items to write: fills, plus conflicts the user chose to overwrite. */
export function itemsToWrite(items: readonly FillItem[], overwrite: ReadonlySet<string>): FillItem[] {
  return items.filter((i) => i.action === 'fill' || (i.action === 'conflict' && overwrite.has(i.id)));
}
