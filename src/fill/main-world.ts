/**
 * Functions run in the portal page's MAIN world through scripting.executeScript, so that MiniUI controls are
 * set through the page's own API and the page's state and validation see the value (domain.md: setValue
 * alone fires nothing; the page's own path is setValue → validate → fire('valuechanged')).
 *
 * They are serialised: no imports, no closures, everything they need comes in their arguments.
 */

export interface MiniControlInfo {
  options?: Array<{ text: string; value: string }>;
  format?: string;
}

/** Options and formats of MiniUI controls by id (null when the page has no such control). */
export function miniCollect(ids: string[]): Record<string, MiniControlInfo | null> {
  type Ctl = { getData?: () => unknown[]; data?: unknown[]; textField?: string; valueField?: string; getTextField?: () => string; getValueField?: () => string; format?: string; getFormat?: () => string };
  const mini = (window as unknown as { mini?: { get(id: string): Ctl | undefined } }).mini;
  const out: Record<string, MiniControlInfo | null> = {};
  for (const id of ids) {
    const c = mini?.get(id);
    if (!c) {
      out[id] = null;
      continue;
    }
    const info: MiniControlInfo = {};
    const data = (c.getData ? c.getData() : c.data) as Array<Record<string, unknown>> | undefined;
    if (Array.isArray(data)) {
      const tf = (c.getTextField ? c.getTextField() : c.textField) || 'text';
      const vf = (c.getValueField ? c.getValueField() : c.valueField) || 'id';
      info.options = data.map((d) => ({ text: String(d[tf] ?? ''), value: String(d[vf] ?? '') }));
    }
    const fmt = c.getFormat ? c.getFormat() : c.format;
    if (typeof fmt === 'string') info.format = fmt;
    out[id] = info;
  }
  return out;
}

export interface MiniWrite {
  id: string;
  kind: string;
  value: string;
  /** Normalised ways of writing a choice (from the vocabularies). */
  alternatives: string[];
}

export interface MiniWriteResult {
  id: string;
  ok: boolean;
  note?: string;
}

/** Set MiniUI controls the way the page itself does after a user's edit. */
export function miniWrite(writes: MiniWrite[]): MiniWriteResult[] {
  type Ctl = {
    setValue(v: unknown): void;
    getValue(): unknown;
    validate?: () => unknown;
    fire?: (type: string, e: unknown) => void;
    getData?: () => unknown[];
    data?: unknown[];
    textField?: string;
    valueField?: string;
    getTextField?: () => string;
    getValueField?: () => string;
  };
  const mini = (window as unknown as { mini?: { get(id: string): Ctl | undefined } }).mini;
  const norm = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return writes.map((w) => {
    const c = mini?.get(w.id);
    if (!c) return { id: w.id, ok: false, note: 'no-control' };
    let value: unknown = w.value;
    if (w.kind === 'mini-combo' || w.kind === 'mini-list') {
      const data = (c.getData ? c.getData() : c.data) as Array<Record<string, unknown>> | undefined;
      const tf = (c.getTextField ? c.getTextField() : c.textField) || 'text';
      const vf = (c.getValueField ? c.getValueField() : c.valueField) || 'id';
      const wanted = w.kind === 'mini-list' ? w.value.split(/[,，、]/) : [w.value];
      const picked: string[] = [];
      for (const one of wanted) {
        const alts = new Set([norm(one), ...w.alternatives]);
        const item = (data ?? []).find((d) => alts.has(norm(d[tf])) || alts.has(norm(d[vf])));
        if (!item) return { id: w.id, ok: false, note: 'no-option' };
        picked.push(String(item[vf]));
      }
      value = picked.join(',');
    }
    c.setValue(value);
    if (c.validate) c.validate();
    if (c.fire) c.fire('valuechanged', { value: c.getValue() });
    return { id: w.id, ok: true };
  });
}
