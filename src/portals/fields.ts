import type { FieldKey } from '../domain/ids';
import type { FieldType, ValidatorId } from '../domain/fields';
import { normLabel, normText } from './dom';

/**
 * Map a page's form controls to field keys (pure: reads the DOM only). Government pages label fields every
 * way there is, so an id/name known from the portal's source wins, then the label, found through
 * <label for>, an Epoint `role="control" label="…"`, the label cell before a table cell, a <dt> before a
 * <dd>, or the text just before the control.
 */
/** A field definition as the background sends it to a page (names, type, validator, and the labels/ids that find it). */
export interface FieldDefinitionView {
  key: FieldKey;
  name: string;
  nameEn: string;
  type: FieldType;
  /** Which validator reads its value, and what it needs (src/validate/value.ts). */
  validate: ValidatorId;
  openEnded?: boolean | undefined;
  range?: { min: number; max: number } | undefined;
  labels: string[];
  ids: string[];
  vocabulary?: string | undefined;
}

export type ControlKind = 'text' | 'select' | 'radio' | 'checkbox' | 'mini-text' | 'mini-combo' | 'mini-date' | 'mini-list';

export interface PageField {
  key: FieldKey;
  kind: ControlKind;
  /** The element the hint goes after (MiniUI root span, native input, the group's last option). */
  anchor: Element;
  /** The element holding the typed text (visible input) or the first option of a group. */
  input: HTMLElement;
  /** MiniUI control id (for the page's own API) or the native element's id. */
  id: string;
  name: string;
  label: string;
  /** Date format declared by the page (My97 dateFmt), when it says. */
  format?: string | undefined;
  readOnly: boolean;
  disabled: boolean;
}

const SKIP_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'file', 'password']);
const MINI_ROOTS = 'span.mini-textbox[id], span.mini-buttonedit[id], div.mini-radiobuttonlist[id], div.mini-checkboxlist[id]';
const OUR_UI = 'jzs-overlay, jzs-hint, jzs-upload-check';

function textBefore(el: Element): string {
  let node: Node | null = el.previousSibling;
  for (let hops = 0; node && hops < 3; hops++, node = node.previousSibling) {
    const text = normLabel(node.textContent);
    if (text) return text;
  }
  return '';
}

/** `<label for>` by target id, first label wins (built once per mapping pass: pages have hundreds of labels). */
export type LabelIndex = ReadonlyMap<string, HTMLLabelElement>;

export function labelIndex(doc: Document): LabelIndex {
  const out = new Map<string, HTMLLabelElement>();
  for (const l of doc.querySelectorAll('label')) if (l.htmlFor && !out.has(l.htmlFor)) out.set(l.htmlFor, l);
  return out;
}

/** The label text of a control, by the first of the page's own conventions that applies. */
export function labelOf(doc: Document, el: Element, id: string, labels: LabelIndex = labelIndex(doc)): string {
  if (id) {
    const label = labels.get(id) ?? labels.get(`${id}$text`);
    if (label) return normLabel(label.textContent);
  }
  const control = el.closest('[role="control"][label]');
  if (control) return normLabel(control.getAttribute('label'));
  const cell = el.closest('td, dd');
  if (cell) {
    const before = textBefore(el);
    // Two controls in one cell ("必修 [ ] 学时，选修 [ ] 学时"): the text just before each names it.
    const inputsInCell = cell.querySelectorAll('input:not([type=hidden]), select, textarea').length;
    if (inputsInCell > 1 && before) return before;
    let prev = cell.previousElementSibling;
    while (prev && !normLabel(prev.textContent)) prev = prev.previousElementSibling;
    if (prev) return normLabel(prev.textContent);
  }
  return textBefore(el);
}

function miniKind(root: Element): ControlKind {
  if (root.classList.contains('mini-datepicker')) return 'mini-date';
  if (root.classList.contains('mini-buttonedit')) return 'mini-combo';
  if (root.matches('.mini-radiobuttonlist, .mini-checkboxlist')) return 'mini-list';
  return 'mini-text';
}

interface Candidate {
  kind: ControlKind;
  /** Where to look for the label from. */
  labelAt: Element;
  anchor: Element;
  input: HTMLElement;
  id: string;
  name: string;
  format?: string | undefined;
  readOnly: boolean;
  disabled: boolean;
}

function candidates(doc: Document, labels: LabelIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const root of doc.querySelectorAll(MINI_ROOTS)) {
    if (root.closest(OUR_UI)) continue;
    const visible = root.querySelector<HTMLInputElement>('input.mini-textbox-input, textarea.mini-textbox-input, input.mini-buttonedit-input');
    const first = visible ?? root.querySelector<HTMLInputElement>('input[type=radio], input[type=checkbox]');
    if (!first) continue;
    const hidden = root.querySelector<HTMLInputElement>('input[type=hidden]');
    out.push({
      kind: miniKind(root),
      labelAt: root,
      anchor: root,
      input: first,
      id: root.id,
      name: hidden?.name || root.id,
      readOnly: root.classList.contains('mini-readonly'),
      disabled: root.classList.contains('mini-disabled') || first.disabled,
    });
  }
  const groups = new Map<string, HTMLInputElement[]>();
  for (const el of doc.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
    if (el.closest(`${MINI_ROOTS}, ${OUR_UI}`)) continue;
    const type = el instanceof HTMLInputElement ? el.type.toLowerCase() : '';
    if (SKIP_TYPES.has(type)) continue;
    if (type === 'radio' || type === 'checkbox') {
      const key = `${type}:${el.name || el.id}`;
      const list = groups.get(key) ?? [];
      list.push(el as HTMLInputElement);
      groups.set(key, list);
      continue;
    }
    const dateFmt = /dateFmt\s*:\s*['"]([^'"]+)['"]/.exec(el.getAttribute('onfocus') ?? el.getAttribute('onclick') ?? '')?.[1];
    out.push({
      kind: el instanceof HTMLSelectElement ? 'select' : 'text',
      labelAt: el,
      anchor: el,
      input: el,
      id: el.id,
      name: el.getAttribute('name') ?? '',
      format: dateFmt ?? (el.classList.contains('Wdate') ? 'yyyy-MM-dd' : undefined),
      readOnly: el.hasAttribute('readonly'),
      disabled: el.disabled,
    });
  }
  for (const [key, list] of groups) {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const lastLabel = last.id ? labels.get(last.id) : undefined;
    out.push({
      kind: key.startsWith('radio') ? 'radio' : 'checkbox',
      // Option labels name the options, not the field: look from the group's container.
      labelAt: first.closest('td, dd') ?? first.parentElement ?? first,
      anchor: lastLabel ?? last,
      input: first,
      id: first.id,
      name: first.name,
      readOnly: false,
      disabled: list.every((x) => x.disabled),
    });
  }
  return out;
}

/** A 证件号码 is an ID number only when the page's 证件类型 says 身份证 (or says nothing). */
function idTypeAllows(doc: Document, fields: Array<{ label: string; c: Candidate }>): boolean {
  const typeField = fields.find((f) => /^(证件类型|证照类型)$/.test(f.label));
  if (!typeField) return true;
  const text = readText(doc, { kind: typeField.c.kind, input: typeField.c.input, anchor: typeField.c.anchor });
  return !text || text.includes('身份证');
}

export function mapFields(doc: Document, defs: readonly FieldDefinitionView[]): PageField[] {
  const byId = new Map<string, FieldKey>();
  const byLabel = new Map<string, FieldKey>();
  for (const def of defs) {
    for (const id of def.ids) byId.set(id.toLowerCase(), def.key);
    for (const label of def.labels) byLabel.set(normLabel(label), def.key);
  }
  const labels = labelIndex(doc);
  const labelled = candidates(doc, labels).map((c) => ({
    c,
    label: labelOf(doc, c.labelAt, c.kind === 'radio' || c.kind === 'checkbox' ? '' : c.id, labels),
  }));
  const idOk = idTypeAllows(doc, labelled);
  const out: PageField[] = [];
  for (const { c, label } of labelled) {
    const key = byId.get(c.id.toLowerCase()) ?? byId.get(c.name.toLowerCase()) ?? byLabel.get(label);
    if (!key) continue;
    if (key === 'idNumber' && /^(certnum|idcard)$/i.test(c.id || c.name) && !idOk) continue;
    if (key === 'idNumber' && /^(证件号码|证照号码)$/.test(label) && !idOk) continue;
    const { labelAt: _ignored, ...rest } = c;
    out.push({ key, label, ...rest });
  }
  // Document order: the first control of a key is its primary one (the hint goes there).
  return out.sort((a, b) => (a.anchor.compareDocumentPosition(b.anchor) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** The radio or checkbox group an input belongs to (same type and name, same form). */
export function groupOf(doc: Document, input: HTMLInputElement): HTMLInputElement[] {
  const scope: ParentNode = input.form ?? doc;
  return Array.from(scope.querySelectorAll<HTMLInputElement>(`input[type="${input.type}"]`)).filter((x) => x.name === input.name);
}

export function optionLabel(doc: Document, input: HTMLInputElement): string {
  const byFor = input.id ? Array.from(doc.querySelectorAll('label')).find((l) => l.htmlFor === input.id) : undefined;
  return normText(byFor?.textContent ?? input.nextSibling?.textContent ?? input.value);
}

/** The value a control shows, as text (dates as displayed; choices by their label). */
export function readText(doc: Document, f: Pick<PageField, 'kind' | 'input' | 'anchor'>): string {
  switch (f.kind) {
    case 'select': {
      const sel = f.input as HTMLSelectElement;
      const opt = sel.options[sel.selectedIndex] ?? sel.querySelector<HTMLOptionElement>('option[selected]');
      return opt && opt.value !== '' ? normText(opt.textContent) : '';
    }
    case 'radio':
    case 'checkbox':
      return groupOf(doc, f.input as HTMLInputElement)
        .filter((x) => x.checked)
        .map((x) => optionLabel(doc, x))
        .join(',');
    case 'mini-list': {
      const checked = Array.from(f.anchor.querySelectorAll<HTMLInputElement>('input:checked'));
      return checked.map((x) => optionLabel(doc, x)).join(',');
    }
    default:
      return (f.input as HTMLInputElement).value ?? '';
  }
}
