import { type CollectedLite, type FillWrite, MINI_KINDS } from '../fill/types';
import { groupOf as inputGroup, optionLabel, type PageField, readText } from '../portals/fields';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Not rendered, or rendered with no size: never written (a user could not have typed there). */
export function isHidden(el: Element): boolean {
  if (!el.isConnected) return true;
  const rects = el.getClientRects();
  if (rects.length === 0) return true;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return true;
  return getComputedStyle(el).visibility === 'hidden';
}

function optionsOf(doc: Document, f: PageField): CollectedLite['options'] {
  if (f.kind === 'select') {
    return Array.from((f.input as HTMLSelectElement).options)
      .filter((o) => o.value !== '')
      .map((o) => ({ text: norm(o.textContent ?? ''), value: o.value }));
  }
  if (f.kind === 'radio' || f.kind === 'checkbox') return groupOf(doc, f).map((x) => ({ text: optionLabel(doc, x), value: x.value }));
  return undefined;
}

const groupOf = (doc: Document, f: PageField) => inputGroup(doc, f.input as HTMLInputElement);

/** Set a native text field the way typing does, so framework-bound pages notice (text-field-edit's rule). */
function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.select();
  const typed = input.ownerDocument.execCommand('insertText', false, value) && input.value === value;
  if (!typed) {
    const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: value }));
  }
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.blur();
}

/**
 * The frame's side of a fill: report fields (handles, no values of ours), write native controls, read back.
 * MiniUI controls are written by the background in the page's main world.
 */
export class FillAgent {
  private handles = new Map<string, PageField>();
  private seq = 0;

  constructor(private readonly doc: Document) {}

  collect(fields: readonly PageField[]): CollectedLite[] {
    this.handles.clear();
    const run = ++this.seq;
    return fields.map((f, i) => {
      const fid = `${run}.${i}`;
      this.handles.set(fid, f);
      const visible = MINI_KINDS.has(f.kind) ? f.anchor : f.kind === 'radio' || f.kind === 'checkbox' ? f.anchor : f.input;
      return {
        fid,
        key: f.key,
        kind: f.kind,
        label: f.label,
        miniId: MINI_KINDS.has(f.kind) ? f.id : undefined,
        current: readText(this.doc, f),
        readOnly: f.readOnly || ('readOnly' in f.input && (f.input as HTMLInputElement).readOnly && !MINI_KINDS.has(f.kind)),
        disabled: f.disabled,
        hidden: isHidden(visible),
        format: f.format,
        options: optionsOf(this.doc, f),
      };
    });
  }

  write(writes: readonly FillWrite[]): Array<{ fid: string; ok: boolean; note?: string }> {
    return writes.map((w) => {
      const f = this.handles.get(w.fid);
      if (!f || !f.input.isConnected) return { fid: w.fid, ok: false, note: 'gone' };
      if (MINI_KINDS.has(f.kind)) return { fid: w.fid, ok: false, note: 'mini' };
      if (f.kind === 'select') {
        const sel = f.input as HTMLSelectElement;
        const opt = Array.from(sel.options).find((o) => norm(o.textContent ?? '') === norm(w.value));
        if (!opt) return { fid: w.fid, ok: false, note: 'no-option' };
        sel.focus();
        sel.value = opt.value;
        sel.dispatchEvent(new Event('input', { bubbles: true }));
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        sel.blur();
        return { fid: w.fid, ok: true };
      }
      if (f.kind === 'radio' || f.kind === 'checkbox') {
        const wanted = new Set(w.value.split(',').map(norm).filter(Boolean));
        const group = groupOf(this.doc, f);
        if (![...wanted].every((v) => group.some((x) => norm(optionLabel(this.doc, x)) === v))) return { fid: w.fid, ok: false, note: 'no-option' };
        // A click is what a user does: it runs the page's onclick and fires input/change.
        for (const x of group) {
          const want = wanted.has(norm(optionLabel(this.doc, x)));
          if (x.checked !== want && (f.kind === 'checkbox' || want)) x.click();
        }
        return { fid: w.fid, ok: true };
      }
      typeInto(f.input as HTMLInputElement, w.value);
      return { fid: w.fid, ok: true };
    });
  }

  readBack(fids: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const fid of fids) {
      const f = this.handles.get(fid);
      if (f) out[fid] = readText(this.doc, f);
    }
    return out;
  }
}
