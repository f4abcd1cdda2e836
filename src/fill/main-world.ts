/**
 * Read at the preview in the portal page's MAIN world through scripting.executeScript: the options of MiniUI
 * lists live in the page's own objects. (The writes at confirm are fill/page-script.ts.)
 *
 * Serialised: no imports, no closures, everything it needs comes in its arguments.
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
