import type { BusinessId, FieldKey } from '../domain/ids';
import type { FieldType, ValidatorId } from '../domain/fields';
import { SPARE, SPARE_AFTER } from '../domain/spare-words';
import { normLabel, normText } from './dom';
import { type ContextEntry, nearFields, resolveByContext } from './field-context';
import { expectedFields, type PageDefinition } from './page';

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
  /** The page's definition says the page shows this field (for its business): context for unclear labels. */
  expected?: true | undefined;
}

/**
 * A field definition as a content script maps and checks with it: the label texts that name it are read by the
 * background (`readings`), so they do not travel to every portal frame (issue 13.5, bench T4).
 */
export type FieldMapView = Omit<FieldDefinitionView, 'labels'>;

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
  readOnly: boolean;
  disabled: boolean;
}

/** Controls one types a value into (not a choice among options). */
const TYPED: ReadonlySet<ControlKind> = new Set(['text', 'mini-text', 'mini-date']);
const SKIP_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'file', 'password']);
const MINI_ROOTS = 'span.mini-textbox[id], span.mini-buttonedit[id], div.mini-radiobuttonlist[id], div.mini-checkboxlist[id]';
const OUR_UI = 'jzs-overlay, jzs-hint, jzs-upload-check';
/**
 * The read-only box of a widget a page shows a hidden select through (Layui's stand-in, an element after its
 * select — right after it, or after our own hint anchored to the select): part of that select, not a control of
 * its own (the fill writes the select through it).
 */
const STAND_IN = 'select~* [readonly]';

/** Label texts longer than this are sentences (tips, notes), not labels. */
const MAX_LABEL = 24;

const CONTROL_LIKE = 'input:not([type=hidden]), select, textarea, .mini-textbox, .mini-buttonedit';

const holdsControl = (node: Node): boolean => node instanceof Element && (node.matches(CONTROL_LIKE) || node.querySelector(CONTROL_LIKE) !== null);
/** A box one types into (a checkbox's or radio's text comes after it on every page: 「□ 是」). */
const holdsTypedControl = (node: Node): boolean =>
  node instanceof Element && (node.matches(TEXT_LIKE) || node.querySelector(TEXT_LIKE) !== null);
const TEXT_LIKE = `input${['hidden', 'radio', 'checkbox', 'button', 'submit', 'reset', 'image', 'file'].map((t) => `:not([type=${t}])`).join('')}, select, textarea, .mini-textbox, .mini-buttonedit`;

/** The nearest sibling before `node` with any text or a control in it. */
function siblingBefore(node: Node): Node | null {
  let at = node.previousSibling;
  while (at && !holdsControl(at) && !normLabel(at.textContent)) at = at.previousSibling;
  return at;
}

/**
 * Whether a text after a box is that box's label, written after it (`[ ] 姓名 [ ] 身份证号`): the boxes of its run
 * have no text before the first. Then the next box's label comes after that box (taking this one is a wrong field).
 */
function trailsControl(text: Node): boolean {
  const control = siblingBefore(text);
  // A box with text of its own around it (a cell with 「手机号码」 over the box) carries its label inside.
  if (!control || !ownTextless(control)) return false;
  // The run of boxes and texts this one is in starts with a box: each box's text comes after it.
  let first = control;
  for (let at = siblingBefore(control); at; at = siblingBefore(at)) first = at;
  return ownTextless(first);
}

/**
 * Whether another box follows this one with no text between (身份证号码 [原值] [新值], 区号 [ ] [ ]): then the text
 * before them names the pair, not this box.
 */
function boxAfter(el: Element): boolean {
  let at = el.nextSibling;
  while (at && !holdsControl(at) && !normLabel(at.textContent)) at = at.nextSibling;
  return at !== null && holdsTypedControl(at) && !(at instanceof Element && !at.matches(CONTROL_LIKE) && normLabel(at.textContent));
}

/**
 * A box one types into, with no name of its own: no text around it (a cell with 「手机号码」 over the box carries its
 * label inside) and no placeholder or title (a box named so needs no text after it).
 */
const ownTextless = (node: Node): boolean =>
  holdsTypedControl(node) &&
  !(node instanceof Element && ((!node.matches(CONTROL_LIKE) && normLabel(node.textContent)) || selfNamed(node)));
const selfNamed = (el: Element): boolean => [el, ...el.querySelectorAll('input, select, textarea')].some((x) => ['placeholder', 'title', 'aria-label'].some((a) => normLabel(x.getAttribute(a)) !== ''));

function textBefore(el: Element): string {
  let node: Node | null = el.previousSibling;
  for (let hops = 0; node && hops < 3; hops++, node = node.previousSibling) {
    // Another control (or a box holding one) comes first: what precedes it is that control's label.
    if (holdsControl(node)) return '';
    const text = normLabel(node.textContent);
    if (text) return text.length <= MAX_LABEL && !trailsControl(node) && !boxAfter(el) ? text : '';
  }
  return '';
}

/** `<label>` or cell text without the text of controls inside it (a <select>'s options are not its label). */
function ownText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node instanceof Element && node.querySelector('input, select, textarea')) continue;
    if (node instanceof Element && node.matches('input, select, textarea')) continue;
    out += node.textContent ?? '';
  }
  return normLabel(out);
}

/**
 * The text just before a control in a div layout: the previous sibling of the control or of a wrapper. Wrappers
 * that hold only this control are looked through however many a widget library nests (Layui: form-item >
 * input-block > input-wrap > …); a wrapper holding another control stops the walk.
 */
function textBeforeUp(el: Element): string {
  let at: Element | null = el;
  for (let level = 0; at && level < 8; level++, at = at.parentElement) {
    if (at.matches('form, body, tr, [role="row"]')) break;
    const before = textBefore(at);
    if (before) return before;
    // A wrapper holding other controls names all of them, not this one.
    if (at.parentElement && controlCount(at.parentElement) > 1) break;
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

/** What assistive technology and the control itself say (aria-label/-labelledby, title, placeholder). */
function ownLabel(doc: Document, input: Element | undefined): string {
  if (!input) return '';
  const by = input.getAttribute('aria-labelledby');
  const named = by ? doc.getElementById(by.split(/\s+/)[0] ?? '')?.textContent : undefined;
  for (const text of [input.getAttribute('aria-label'), named, input.getAttribute('title'), input.getAttribute('placeholder')]) {
    const label = normLabel(text);
    if (label) return label;
  }
  return '';
}

/**
 * The label text of a control, by the first of the page's own conventions that applies: `<label for>`, an
 * Epoint `role="control" label="…"`, a wrapping `<label>`, the label cell before a table cell (or <dt>), the
 * text or element just before it (a `<label>` without `for`, a span in a div layout), then aria-label,
 * title and placeholder.
 */
export function labelOf(doc: Document, el: Element, id: string, labels: LabelIndex = labelIndex(doc), input?: Element): string {
  // An empty <label for> or label attribute (the name shown elsewhere: a placeholder, a line above) says nothing.
  const forLabel = id && ownsId(doc, el, id) ? normLabel((labels.get(id) ?? labels.get(`${id}$text`))?.textContent) : '';
  if (forLabel) return forLabel;
  const holder = el.closest('[role="control"][label]');
  const control = normLabel(holder?.getAttribute('label'));
  // One Epoint label over several controls (联系人 [姓名] [手机]) names them together: each is read by its own words.
  if (control && holder && controlCount(holder) > 1) return textBeforeUp(el) || ownLabel(doc, input ?? el);
  if (control) return control;
  const wrapping = el.closest('label');
  if (wrapping && !wrapping.htmlFor) {
    const text = ownText(wrapping);
    if (text) return text;
  }
  const cell = el.closest('td, dd');
  if (cell) {
    const before = textBeforeUp(el);
    // Two controls in one cell ("必修 [ ] 学时，选修 [ ] 学时"): the text just before each names it.
    // Several boxes in one cell with nothing before this one (区号 [ ] - 号码 [ ], the old value and the new): the label
    // cell names them together, not this box.
    if (controlCount(cell) > 1) return before || ownLabel(doc, input ?? el);
    const labelCell = cellBefore(cell);
    if (labelCell) return labelCell;
    // No label cell (placeholder-only forms, or the label on a line above the box in its own cell).
    if (before) return before;
    return ownLabel(doc, input ?? el);
  }
  return textBeforeUp(el) || ownLabel(doc, input ?? el);
}

/**
 * Whether `<label for=id>` is this control's: a page that repeats an id (a copied row, a template used twice) has
 * the label name the first element with it, as the browser does — not every element with that id.
 */
function ownsId(doc: Document, el: Element, id: string): boolean {
  const first = doc.getElementById(id);
  return !first || first === el || el.contains(first);
}

/** How many controls a container holds: a MiniUI control, a select or box, a radio or checkbox group count once each. */
function controlCount(container: Element): number {
  // Most containers hold one box: counted without sorting out groups and MiniUI parts.
  const boxes = container.querySelectorAll('input:not([type=hidden]), select, textarea');
  if (boxes.length <= 1) return boxes.length;
  const groups = new Set<string>();
  let n = container.querySelectorAll(MINI_ROOTS).length;
  for (const el of container.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')) {
    if (el.closest(`${MINI_ROOTS}, ${STAND_IN}`) || SKIP_TYPES.has(el.type)) continue;
    if (el.type === 'radio' || el.type === 'checkbox') groups.add(el.name || el.id);
    else n++;
  }
  return n + groups.size;
}

/** The label cell before a control's cell: empty cells skipped, but never past a cell holding another control. */
function cellBefore(cell: Element): string {
  for (let prev = cell.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (prev.querySelector(CONTROL_LIKE)) return '';
    const text = normLabel(prev.textContent);
    if (text) return trailsControl(prev) ? '' : text;
  }
  return '';
}

function miniKind(root: Element): ControlKind {
  if (root.classList.contains('mini-datepicker')) return 'mini-date';
  if (root.classList.contains('mini-buttonedit')) return 'mini-combo';
  if (root.matches('.mini-radiobuttonlist, .mini-checkboxlist')) return 'mini-list';
  return 'mini-text';
}

export interface Candidate {
  kind: ControlKind;
  /** Where to look for the label from. */
  labelAt: Element;
  anchor: Element;
  input: HTMLElement;
  id: string;
  name: string;
  readOnly: boolean;
  disabled: boolean;
}

function candidates(doc: Document, labels: LabelIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const root of doc.querySelectorAll(MINI_ROOTS)) {
    if (root.closest(OUR_UI)) continue;
    const visible = root.querySelector<HTMLInputElement>('input.mini-textbox-input, textarea.mini-textbox-input, input.mini-buttonedit-input');
    // A MiniUI list with no options yet (a cascade loads them after an earlier choice) draws no box: the list
    // itself stands for it, so that the field is read, and filled once loaded, rather than silently left out.
    const list = miniKind(root) === 'mini-list' ? root : null;
    const first = visible ?? root.querySelector<HTMLInputElement>('input[type=radio], input[type=checkbox]') ?? (list instanceof HTMLElement ? list : null);
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
      disabled: root.classList.contains('mini-disabled') || (first instanceof HTMLInputElement && first.disabled),
    });
  }
  const groups = new Map<string, HTMLInputElement[]>();
  for (const el of doc.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
    if (el.closest(`${MINI_ROOTS}, ${OUR_UI}, ${STAND_IN}`)) continue;
    const type = el instanceof HTMLInputElement ? el.type.toLowerCase() : '';
    if (SKIP_TYPES.has(type)) continue;
    if (el instanceof HTMLInputElement && (type === 'radio' || type === 'checkbox')) {
      const key = `${type}:${el.name || el.id}`;
      const list = groups.get(key) ?? [];
      list.push(el);
      groups.set(key, list);
      continue;
    }
    out.push({
      kind: el instanceof HTMLSelectElement ? 'select' : 'text',
      labelAt: el,
      anchor: el,
      input: el,
      id: el.id,
      name: el.getAttribute('name') ?? '',
      readOnly: el.hasAttribute('readonly'),
      disabled: el.disabled,
    });
  }
  for (const [key, list] of groups) {
    const first = list[0];
    const last = list.at(-1);
    if (!first || !last) continue;
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

/** A heading that opens a section of a form, the element its section spans, and whether it names another party. */
interface SectionHead {
  el: Element;
  scope: Element;
  /** The party it names when not the applicant: a person (every field there is theirs) or a body (its contact details). */
  other: 'person' | 'body' | undefined;
}

/** Legends, headings, title and head bars, a table row of one cell: what forms put over a group of fields. */
const SECTION_HEADS = 'legend, caption, h1, h2, h3, h4, h5, h6, [class*="title"], [class*="head"], tr > th:only-child, tr > td:only-child[colspan]';
/** A section heading's own words around what it names: numbering (一、, 2.) and 信息/资料/情况 (代办人信息 → 代办人). */
const sectionName = (text: string): string => text.replace(/^[一二三四五六七八九十\d]+[、.．]/, '').replace(/(基本)?(信息|资料|情况)(录入|填写|登记)?$/, '');
/** Words that make a heading the applicant's (申请人及代办人信息 still holds the applicant's fields). */
const APPLICANT_WORD = /申请人|申报人|本人|个人|持证人|注册人/;

/**
 * Whether a section heading names another party than the applicant (代办人信息, 法定代表人信息, 上报单位, 企业信息):
 * it must be that party's name and little more (单位承诺 is no section of the unit's fields).
 */
function namesOtherParty(text: string): SectionHead['other'] {
  const name = sectionName(text);
  if (name.length > 10 || !(ROLE.test(name) || PARTY_END.test(name)) || APPLICANT_WORD.test(name)) return undefined;
  if (otherPerson(name)) return 'person';
  return OTHER_BODY.test(name) ? 'body' : undefined;
}

/**
 * The headings of a document in order, each with its section: the nearest ancestor that holds a control. Read once,
 * when asked; most pages name no other party, and then no section is worked out at all.
 */
function lazySections(doc: Document): () => SectionHead[] {
  let heads: SectionHead[] | undefined;
  return () => {
    if (heads) return heads;
    const named = Array.from(doc.querySelectorAll(SECTION_HEADS)).flatMap((el) => {
      const raw = el.textContent ?? '';
      const text = raw.length <= 3 * MAX_LABEL ? normLabel(raw) : '';
      if (!text || text.length > MAX_LABEL || el.closest(OUR_UI) || el.querySelector(CONTROL_LIKE)) return [];
      return [{ el, other: namesOtherParty(text) }];
    });
    heads = !named.some((h) => h.other)
      ? []
      : named.flatMap((h): SectionHead[] => {
          let scope = h.el.parentElement;
          while (scope && !scope.querySelector(CONTROL_LIKE)) scope = scope.parentElement;
          return scope ? [{ ...h, scope }] : [];
        });
    return heads;
  };
}

/** Whether `head` is the heading of the section `at` is in: it comes before it in its scope and no later heading there does. */
function headsSection(head: SectionHead, at: Element, all: readonly SectionHead[]): boolean {
  const before = (h: SectionHead) => h.scope.contains(at) && (h.el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (!before(head)) return false;
  // A nearer heading (a later one whose section also holds `at`) starts the section `at` is in.
  return !all.some((h) => h !== head && before(h) && (head.el.compareDocumentPosition(h.el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
}

/** Labels of the choice saying who applies (申请人类型 on the 网厅: 企业 or 个人), and of the applicant's ID type. */
const APPLICANT_KIND = /^(申请人|申请者|申请主体|办事人|办事主体)(类型|性质|类别)$/;
const ID_TYPE = /^(证件|证照)(类型|种类|类别)$/;
/** A body's choices and a body's identifiers. */
const BODY_CHOICE = /企业|法人|单位|组织|机构|公司/;
const BODY_ID = /信用代码|组织机构|营业执照/;

/**
 * Whether the page says the applicant is a body (法人办事: 申请人类型 企业, or an applicant identified by a credit code):
 * then the 申请人 boxes are the company's, and the person's name or number is no value for them.
 */
function applicantIsBody(doc: Document, fields: readonly Control[]): boolean {
  return fields.some(({ label, c }) => {
    const core = coreLabel(label);
    const kind = APPLICANT_KIND.test(core);
    if (!kind && !ID_TYPE.test(core)) return false;
    const text = readText(doc, { kind: c.kind, input: c.input, anchor: c.anchor });
    return kind ? BODY_CHOICE.test(text) : BODY_ID.test(text);
  });
}

/** A 证件号码 is an ID number only when the page's 证件类型 says 身份证 (or says nothing). */
function idTypeAllows(doc: Document, fields: readonly Control[]): boolean {
  const typeField = fields.find((f) => /^(证件|证照)(类型|种类|类别)$/.test(coreLabel(f.label)));
  if (!typeField) return true;
  const text = readText(doc, { kind: typeField.c.kind, input: typeField.c.input, anchor: typeField.c.anchor });
  return !text || text.includes('身份证');
}

/** A control of the page with its label text as a person reads it (the DOM part of the mapping). */
export interface Control {
  c: Candidate;
  label: string;
}

/**
 * What the label reading says of page labels (pure, over the rule pack's lexicon: `keyForLabel`, field-context.ts
 * `nearFields`). The background runs it; a portal frame asks it for the labels it has not seen and keeps the
 * answers per rules answer (src/content/label-cache.ts): the lexicon and its word classes stay out of every
 * frame's bundle (its size is budgeted, tests/e2e/build.test.ts).
 */
export interface Classifier {
  /** The field a page label names, if any (`keyForLabel`). */
  key: (label: string) => FieldKey | undefined;
  /** The fields a core label is near, with their scores (field-context.ts `nearFields`). */
  near: (core: string) => ReadonlyMap<FieldKey, number>;
}

/**
 * Bounds of one request for readings (src/messaging/schemas.ts): a text longer than this is no label (a
 * paragraph; read as naming no field, as its length alone would), and a page with more labels is past any form.
 */
export const MAX_LABEL_TEXT = 4_000;
export const MAX_LABELS = 20_000;

/** One label's reading as the background sends it: its field, or else the fields it is near. */
export interface LabelReading {
  key?: FieldKey | undefined;
  near?: Array<[FieldKey, number]> | undefined;
}

/** The label reading run here, over the lexicon of `defs` (the background, tests). */
export function localClassifier(defs: readonly FieldDefinitionView[]): Classifier {
  const lexicon = lexiconOf(defs);
  return { key: (label) => keyForLabel(label, lexicon), near: (core) => nearFields(core, lexicon.entries, otherOwner) };
}

/**
 * Readings of page labels, one per label: the field, or — only then is it asked (field-context.ts) — the fields its
 * core label is near.
 */
export function readLabels(classifier: Classifier, labels: readonly string[]): LabelReading[] {
  return labels.map((label) => {
    const key = classifier.key(label);
    if (key) return { key };
    const near = classifier.near(coreLabel(label));
    return near.size ? { near: [...near] } : {};
  });
}

/** The page's controls and their labels: what the mapping reads of the DOM before any label is classified. */
export function readControls(doc: Document): Control[] {
  const labels = labelIndex(doc);
  return candidates(doc, labels).map((c) => ({
    c,
    label: labelOf(doc, c.labelAt, c.kind === 'radio' || c.kind === 'checkbox' ? '' : c.id, labels, c.input),
  }));
}

export function mapFields(doc: Document, defs: readonly FieldDefinitionView[], classifier: Classifier): PageField[] {
  return mapControls(doc, readControls(doc), defs, classifier);
}

/**
 * The fields of controls read by `readControls`: known ids first, then the labels' readings (`classifier`, which
 * must know every label), what the page says of whose the boxes are, then the page as context (field-context.ts).
 */
export function mapControls(doc: Document, labelled: readonly Control[], defs: readonly FieldMapView[], classifier: Classifier): PageField[] {
  const byId = new Map<string, FieldKey>();
  for (const def of defs) for (const id of def.ids) byId.set(id.toLowerCase(), def.key);
  const idOk = idTypeAllows(doc, labelled);
  const bodyApplies = applicantIsBody(doc, labelled);
  const sections = lazySections(doc);
  const entries = labelled.map(({ c, label }): ContextEntry => {
    // A known id repeated on the page (a copied row) says nothing of the copies: they are read by their labels.
    const copied = c.id !== '' && !ownsId(doc, c.labelAt, c.id);
    const known = copied ? undefined : (byId.get(c.id.toLowerCase()) ?? byId.get(c.name.toLowerCase()));
    const key = known ?? classifier.key(label);
    // 证件号码 is an ID number only where the page's 证件类型 says 身份证 (a passport number is not one).
    const idNumberRefused = key === 'idNumber' && !idOk && !label.includes('身份');
    // 姓名 under 代办人信息 or 法定代表人信息 is that person's (the page's own ids still say what a box is).
    const othersSection = !known && key !== undefined && sections().some((h) => (h.other === 'person' || (h.other === 'body' && PERSONAL.test(key))) && headsSection(h, c.anchor, sections()));
    // 申请人名称 where a company applies is the company's name, a 证件号码 that does not say whose its number.
    const companys = bodyApplies && key !== undefined && PERSONAL.test(key) && (/申请|办事/.test(label) || (key === 'idNumber' && !/联系|身份/.test(label)));
    const typed = TYPED.has(c.kind);
    if (idNumberRefused || othersSection || companys) return { core: coreLabel(label), key: undefined, byId: false, refused: true, typed };
    return { core: coreLabel(label), key, byId: known !== undefined, typed };
  });
  resolveByContext(entries, contextLexicon(defs, classifier));
  const out: PageField[] = [];
  labelled.forEach(({ c, label }, i) => {
    const key = entries[i]?.key;
    if (!key) return;
    const { labelAt: _ignored, ...rest } = c;
    out.push({ key, label, ...rest });
  });
  // Document order: the first control of a key is its primary one (the hint goes there).
  return out.sort((a, b) => (a.anchor.compareDocumentPosition(b.anchor) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function contextLexicon(defs: readonly FieldMapView[], classifier: Classifier) {
  const types = new Map(defs.map((d) => [d.key, d.type]));
  return {
    near: classifier.near,
    expected: new Set(defs.flatMap((d) => (d.expected ? [d.key] : []))),
    typeOf: (key: FieldKey) => types.get(key),
  };
}

/** The radio or checkbox group an input belongs to (same type and name, same form). */
export function groupOf(doc: Document, input: HTMLInputElement): HTMLInputElement[] {
  const scope: ParentNode = input.form ?? doc;
  return Array.from(scope.querySelectorAll<HTMLInputElement>(`input[type="${input.type}"]`)).filter((x) => x.name === input.name);
}

export function optionLabel(doc: Document, input: HTMLInputElement): string {
  const byFor = input.id ? input.labels?.[0] : undefined;
  // Our own hint may sit right after the group's last option (its anchor): the option's text comes after it.
  let next = input.nextSibling;
  while (next instanceof Element && next.closest(OUR_UI)) next = next.nextSibling;
  return normText(byFor?.textContent ?? next?.textContent ?? input.value);
}

/** The value a control shows, as text (dates as displayed; choices by their label). */
export function readText(doc: Document, f: Pick<PageField, 'kind' | 'input' | 'anchor'>): string {
  switch (f.kind) {
    case 'select': {
      const sel = f.input;
      if (!(sel instanceof HTMLSelectElement)) return '';
      const opt = sel.options[sel.selectedIndex] ?? sel.querySelector<HTMLOptionElement>('option[selected]');
      return opt && opt.value !== '' ? normText(opt.textContent) : '';
    }
    case 'radio':
    case 'checkbox':
      if (!(f.input instanceof HTMLInputElement)) return '';
      return groupOf(doc, f.input)
        .filter((x) => x.checked)
        .map((x) => optionLabel(doc, x))
        .join(',');
    case 'mini-list': {
      const checked = Array.from(f.anchor.querySelectorAll<HTMLInputElement>('input:checked'));
      return checked.map((x) => optionLabel(doc, x)).join(',');
    }
    default:
      // A native or MiniUI text box, a textarea; anything else shows no typed text.
      return f.input instanceof HTMLInputElement || f.input instanceof HTMLTextAreaElement ? f.input.value : '';
  }
}

/**
 * A label reduced to what it names: no parenthesised notes (（必填）, (yyyy-MM-dd)), no 请输入/请选择 prompt.
 * `normLabel` has already folded widths, spaces, stars and colons.
 */
export function coreLabel(label: string): string {
  return (
    normLabel(label)
      .replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')
      .replace(/^(请(输入|选择|填写|录入)|输入|选择|填写)/, '')
      .replace(/[:：.。]+$/, '')
      // A date is 日期, 时间, 年月日 or 年月 at the end of a label, on both sides of the comparison.
      .replace(/(日期|时间|年月日|年月)$/, '日期')
  );
}

interface Lexicon {
  exact: ReadonlyMap<string, FieldKey>;
  /** Longest first, so 联系人手机 wins over 联系人 and 手机. */
  entries: ReadonlyArray<readonly [string, FieldKey]>;
  /** Each field's value type and validator: what kind of value a label's last word may ask for. */
  kinds: ReadonlyMap<FieldKey, Pick<FieldDefinitionView, 'type' | 'validate'>>;
}

/** One lexicon per rules answer: the validator maps the page again after every burst of the page's DOM. */
const lexicons = new WeakMap<readonly FieldDefinitionView[], Lexicon>();
function lexiconOf(defs: readonly FieldDefinitionView[]): Lexicon {
  let lexicon = lexicons.get(defs);
  if (!lexicon) {
    lexicon = labelLexicon(defs);
    lexicons.set(defs, lexicon);
  }
  return lexicon;
}

export function labelLexicon(defs: readonly FieldDefinitionView[]): Lexicon {
  const exact = new Map<string, FieldKey>();
  for (const def of defs) for (const label of def.labels) exact.set(coreLabel(label), def.key);
  const entries = [...exact].filter(([l]) => l.length >= 2).sort((a, b) => b[0].length - a[0].length);
  return { exact, entries, kinds: new Map(defs.map((d) => [d.key, { type: d.type, validate: d.validate }])) };
}

/**
 * Words that make a person's label about another person or body (紧急联系人, 单位联系人, 法定代表人身份证号):
 * checked for the personal fields only (原单位解聘日期 is still the applicant's date).
 */
const OTHER_PERSON = /紧急|法人代表|法定代表|代表人|经办|委托|代理|配偶|父|母|监护|担保|推荐|审核|审批|受理|核查/;
/** Bodies: a unit's phone or address is not the applicant's, but its name and credit code are the employer's. 法人 is a legal entity too. */
const OTHER_BODY = /单位|企业|公司|法人/;
const PERSONAL = /^(name|idNumber|gender|birthDate|ethnicity|mobile|phone|email|address|postcode|education|school|major|graduationDate)$/;
/** Words ending with another party (上报单位, 法定代表): a heading naming that party. */
const PARTY_END = new RegExp(`(?:${OTHER_PERSON.source}|${OTHER_BODY.source})$`);
/**
 * A word for a person by their role (…人, …员, …者) or kin (家庭成员, 子女, 亲属): before a personal field's name it
 * says whose field it is — 代办人手机号码, 受托人身份证号, 填报人姓名, 家庭成员姓名 are someone else's.
 */
const ROLE = /(人|员|者|成员|子女|亲属|家属)$/;
/** Each role word in a text, with what comes before it (经手人联系人 → 经手人, 联系人). */
const ROLES = /.*?(人员|人|员|者|成员|子女|亲属|家属)/g;
/** The roles that are the applicant (联系人 too: on a personal application the applicant is the contact; domain.md). */
const APPLICANT_ROLE = /(^|申请|申报|注册|持证|执业|从业|报考|联系|本|个)(人|人员|者)$/;

/** The role a known label begins with (人员姓名, 联系人手机, 申请人身份证号), if any. */
const LEADING_ROLE = /^[^人员]*(人员|人)/;

/** Whether words name a person other than the applicant (anywhere: 家属更改后姓名, 经手人联系人姓名). */
function otherPerson(words: string): boolean {
  if (OTHER_PERSON.test(words)) return true;
  for (const m of words.matchAll(ROLES)) if (!APPLICANT_ROLE.test(m[0])) return true;
  return false;
}

/**
 * Whether the words around a field's name make it another party's: another person's for any field (代办人聘用单位 is
 * the agency), a body's for the applicant's personal ones (单位电话, 企业地址; 单位名称 is the employer's).
 */
const otherOwner = (words: string, key: FieldKey): boolean => otherPerson(words) || (PERSONAL.test(key) && OTHER_BODY.test(words));
/**
 * Chinese puts the modifier first and the thing named last, so what stands before a known label of the
 * applicant's own data says whose and which it is:
 * - whose: a word for another person, body or thing — ending in 人, 员, 位, 目, 程, 校, 行… (项目负责人姓名,
 *   项目联系电话, 开户银行地址, 学校地址, 收件人手机) — makes it that one's, unless it is a word for the applicant
 *   (申请人, 本人, 注册人员, 联系人);
 * - which: a bare head noun (地址, 电话, 单位 — two characters) says nothing of which one, so any modifier must be
 *   one of the applicant's words or a neutral one (真实, 常用, 现, 新): 户籍地址, 办公地址, 注册地址, 施工单位, 发证单位
 *   are other addresses and bodies. A longer known label (身份证号, 手机号码, 聘用单位) already says which.
 * An unknown word is refused rather than guessed: a wrong value is worse than a missing one.
 */
const OWN_WORDS = '申请人|申报人|本人|个人|注册人员|注册人|人员|持证人|建造师|联系人|联系|通讯|通信|常用|真实|有效|居民|现|新|当前|目前|最新|本次|拟';
// Pure (a bundler cannot tell of `new RegExp`): the content script, which does not read labels, leaves it out.
const OWN = /* @__PURE__ */ new RegExp(`^(${OWN_WORDS})*`);
/** Words that say the employer is the applicant's (聘用单位); 施工单位, 建设单位, 派遣单位 are other bodies. */
const OWN_EMPLOYER = /* @__PURE__ */ new RegExp(`^(${OWN_WORDS}|聘用|受聘|工作|所在|注册|上报|申报)*`);
/** Last characters of words for another person, body or thing (负责人, 经办员, 施工单位, 项目, 工程, 学校, 银行, 医院…). */
const ANOTHER = /[人者员位司业目程校行院局处部门所厂站社队组户方师长理]/;
const EMPLOYER = /^(employerName|employerCreditCode)$/;
/**
 * What may follow a personal field's label and leave it that field: the rest of 号码, a word for a name, the first
 * of a numbered set (联系电话1 is the main one; 联系电话2 is a second number — SPARE).
 */
const OWN_AFTER = /^(号码|号|码|全称|名称|[1一])?$/;
/**
 * Words that make a label ask for another value of the same kind — a spare or second one (备用手机号, 第二联系电话,
 * 手机号（备用）, 其他邮箱, 联系电话2): a profile holds one of each, and the same number twice is not what such a box
 * asks for, so it is left to the user. The words are one list with the import's headers (src/domain/spare-words.ts).
 */

/** Whether the words around a known label of the applicant's own data leave it the applicant's (see OWN_WORDS). */
function ownModifiers(around: Around, known: string, key: FieldKey, lexicon: Lexicon): boolean {
  const employer = EMPLOYER.test(key);
  if (!employer && !PERSONAL.test(key)) return true;
  const left = around.before.replace(employer ? OWN_EMPLOYER : OWN, '');
  // A body is named by its modifier (建设单位, 施工企业): for the employer, only the applicant's words will do.
  if (ANOTHER.test(left) || ((employer || known.length <= 2) && left !== '')) return false;
  // After the label: 电子邮箱地址 is still the e-mail (地址 is another field's label); 姓名拼音, 电话区号 are not.
  return employer || OWN_AFTER.test(around.after) || keyForLabel(around.after, lexicon) !== undefined;
}

/** How much longer than a known label a page label may be and still mean it (申请人身份证号码 → 身份证号码). */
const MAX_EXTRA = 5;

/** What surrounds a known label inside a page label: before its first character, after its last, and all of it. */
interface Around {
  before: string;
  after: string;
  rest: string;
}

/**
 * What is left of a page label around a known label it holds: contained whole, or — for known labels of three
 * characters or more — in order with at most two characters slipped in (身份证件号 holds 身份证号). Undefined
 * when it does not hold it.
 */
function remainder(label: string, known: string): Around | undefined {
  const at = label.indexOf(known);
  if (at >= 0) {
    const before = label.slice(0, at);
    const after = label.slice(at + known.length);
    return { before, after, rest: before + after };
  }
  // Most labels hold none of the ~200 known ones: rejected without building the remainder (bench T1, issue 13.5).
  if (known.length < 3 || label.length < known.length || !inOrder(label, known)) return undefined;
  let i = 0;
  let before = '';
  let after = '';
  let rest = '';
  for (const ch of label) {
    if (i < known.length && ch === known[i]) i++;
    else {
      rest += ch;
      if (i === 0) before += ch;
      else if (i === known.length) after += ch;
    }
  }
  return { before, after, rest };
}

/** Whether `known`'s characters appear in `label` in order with at most two others slipped in between them. */
function inOrder(label: string, known: string): boolean {
  let i = 0;
  let inside = 0;
  for (const ch of label) {
    if (i < known.length && ch === known[i]) i++;
    else if (i > 0 && i < known.length && ++inside > 2) return false;
  }
  return i === known.length;
}

/**
 * A qualifier that makes the label about an earlier value (原聘用单位 on 变更注册 is the employer being left; 变更前姓名):
 * a profile holds the current values only, so such a box is never filled.
 */
const FORMER = /(原|旧|前|变更前|更改前|变动前|曾用)$/;
/**
 * The same, anywhere before the field's name (原执业单位, 原聘用单位统一社会信用代码, 调出单位, 上一单位, 离职单位): the words
 * portals use for the side being left. Not for a field that is itself about the employer left (原单位解聘日期).
 */
const FORMER_ANYWHERE = /原|旧|变更前|更改前|变动前|曾用|上一|上家|上次|以前|调出|转出|离职|解聘/;
const ABOUT_FORMER: ReadonlySet<FieldKey> = new Set(['dismissalDate', 'examEmployerName']);

/**
 * The last word of a label names what it asks for (Chinese puts the head last): a label going on past a known
 * label with a word for a number or a date asks for that (学历证书编号 is no 学历, 聘用单位成立日期 no 聘用单位).
 */
const HEADS: ReadonlyArray<{ word: RegExp; fits: (kind: Pick<FieldDefinitionView, 'type' | 'validate'>) => boolean }> = [
  { word: /(编号|号码|证号|代码|编码|号)$/, fits: (k) => NUMBER_KINDS.has(k.validate) },
  { word: /日期$/, fits: (k) => k.type === 'date' || k.type === 'month' },
];
const NUMBER_KINDS: ReadonlySet<string> = new Set(['id-number', 'credit-code', 'employer-credit-code', 'mobile', 'phone', 'postcode', 'registration-no', 'qualification-cert-no']);

/** Whether what follows a known label makes the page label ask for another field or another kind of value. */
function asksForOther(after: string, key: FieldKey, lexicon: Lexicon): boolean {
  if (!after) return false;
  const other = after.length >= 2 ? keyForLabel(after, lexicon) : undefined;
  if (other !== undefined && other !== key) return true;
  const kind = lexicon.kinds.get(key);
  const head = HEADS.find((h) => h.word.test(after));
  return head !== undefined && kind !== undefined && !head.fits(kind);
}

/**
 * Whether a known label found inside a page label names the page's box: `name`; `refuse` when the label is about
 * something else (another party, an earlier value — 原… —, an attribute of the ID card: 身份证有效期, 身份证签发机关,
 * 身份证地址 are neither the ID number nor the registration's expiry or the postal address); `shorter` when a person word
 * (申请人, 联系人: labels of the name when alone) is followed by another field's name — 申请人手机号 is a mobile
 * number, Chinese names the thing last —, so a shorter known label may name the box.
 */
function reading(around: Around, known: string, key: FieldKey, lexicon: Lexicon): 'name' | 'refuse' | 'shorter' {
  if (around.rest.length > MAX_EXTRA || otherOwner(around.rest, key)) return 'refuse';
  if (SPARE.test(around.rest) || SPARE_AFTER.test(around.after)) return 'refuse';
  // A known label may begin with the role (人员姓名, 联系人手机): the words before complete it (工作人员姓名).
  if (around.before && otherPerson(around.before + (LEADING_ROLE.exec(known)?.[0] ?? ''))) return 'refuse';
  // 身份证 is the card: 身份证X is the card's X (有效期, 签发机关, 地址) unless X completes the number.
  if (key === 'idNumber' && around.after !== '' && !/^(号码|号|码)$/.test(around.after)) return 'refuse';
  // The known label only qualifies what the page label asks for (申请人手机号, 工作单位地址): a shorter one may name it.
  if (asksForOther(around.after, key, lexicon)) return 'shorter';
  if (FORMER.test(around.before) || (!ABOUT_FORMER.has(key) && FORMER_ANYWHERE.test(around.before))) return 'refuse';
  if (around.before.length >= 2 && key !== 'idNumber' && keyForLabel(around.before, lexicon) === 'idNumber') return 'refuse';
  return ownModifiers(around, known, key, lexicon) ? 'name' : 'refuse';
}

/** The notes in brackets of a label (coreLabel drops them): 邮政编码（单位） is the employer's postcode. */
const bracketNotes = (label: string): string => [...normLabel(label).matchAll(/[(（【[]([^)）】\]]*)[)）】\]]/g)].map((m) => m[1] ?? '').join('');

/**
 * The field a page label names, by meaning rather than one page's wording: the exact label from the
 * lexicon (rules/shared/fields.json `labels`), else the longest known label it contains when what surrounds
 * it is short, names no other party, no earlier value and no other field after it, else the one field whose
 * known labels all start with it (证件号 → 证件号码). Ambiguous → none: a wrong field is worse than a missing one.
 */
export function keyForLabel(label: string, lexicon: Lexicon): FieldKey | undefined {
  const key = keyForCore(coreLabel(label), lexicon);
  if (!key) return undefined;
  const notes = bracketNotes(label);
  // 姓名（代办人）, 聘用单位（原）: a note in brackets says whose or which value it is as well as a word before would.
  if (otherOwner(notes, key) || SPARE.test(notes) || (!ABOUT_FORMER.has(key) && FORMER_ANYWHERE.test(notes))) return undefined;
  return key;
}

function keyForCore(core: string, lexicon: Lexicon): FieldKey | undefined {
  if (core.length < 2) return undefined;
  const exact = lexicon.exact.get(core);
  if (exact) return exact;
  let held = false;
  for (const [known, key] of lexicon.entries) {
    const around = remainder(core, known);
    if (around === undefined) continue;
    held = true;
    const read = reading(around, known, key, lexicon);
    if (read === 'name') return abbreviates(core, key, lexicon) ? undefined : key;
    if (read === 'refuse') return undefined;
  }
  if (held) return undefined;
  // A label cut short (证件号 of 证件号码) is read as the one field whose known labels hold it; 专业 is held by 专业类别
  // and 所学专业 (the registered specialty and the major), so it names neither.
  const holding = new Set(lexicon.entries.filter(([known]) => known.includes(core)).map(([, key]) => key));
  const prefixed = lexicon.entries.some(([known]) => known.startsWith(core));
  return prefixed && holding.size === 1 ? [...holding][0] : undefined;
}

/**
 * Whether a page label is another field's known label cut short (报名单位 of 考试报名单位, 缴纳单位 of 社保缴纳单位): it
 * holds a known label of `key` and is itself part of a longer known label of another field, so it may mean either.
 */
function abbreviates(core: string, key: FieldKey, lexicon: Lexicon): boolean {
  return lexicon.entries.some(([known, other]) => other !== key && known.length > core.length && known.includes(core));
}

/**
 * The rule pack's field lexicon plus what a page definition knows of its page: element ids per field (a hint,
 * never a requirement) and, for the business shown, the fields it expects there (context for unclear labels).
 */
export function withPageHints(defs: readonly FieldDefinitionView[], page: Pick<PageDefinition, 'ids' | 'expects'> | undefined, business?: BusinessId): FieldDefinitionView[] {
  const ids = page?.ids;
  const expected = new Set(expectedFields(page, business));
  return defs.map((d) => ({
    ...d,
    ...(ids?.[d.key] ? { ids: [...d.ids, ...(ids[d.key] ?? [])] } : {}),
    ...(expected.has(d.key) ? { expected: true as const } : {}),
  }));
}
