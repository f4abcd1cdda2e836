import type { FieldLocator } from '../fill/page-script';
import { type CollectedLite, type FrameCollection, MINI_KINDS } from '../fill/types';
import { groupOf as inputGroup, optionLabel, type PageField, readText } from '../portals/fields';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function optionsOf(doc: Document, f: PageField): CollectedLite['options'] {
  if (f.kind === 'select' && f.input instanceof HTMLSelectElement) {
    return Array.from(f.input.options)
      .filter((o) => o.value !== '' && !o.disabled)
      .map((o) => ({ text: norm(o.textContent ?? ''), value: o.value }));
  }
  if ((f.kind === 'radio' || f.kind === 'checkbox') && f.input instanceof HTMLInputElement) return inputGroup(doc, f.input).map((x) => ({ text: optionLabel(doc, x), value: x.value }));
  return undefined;
}

/**
 * Where an element is, for the page script to find it (page-script.ts `find`: by id, else the nth element of
 * its tag with its name; a MiniUI control by its id). No fingerprint or visibility here: the page script takes
 * those itself, so this size-budgeted bundle carries none of it.
 */
function locate(el: Element, mini: string | undefined): FieldLocator {
  const name = el.getAttribute('name') ?? '';
  const nth = mini ? -1 : Array.from(el.ownerDocument.getElementsByTagName(el.localName)).filter((x) => (x.getAttribute('name') ?? '') === name).indexOf(el);
  return { ...(mini ? { mini } : {}), id: el.id, name, tag: el.localName, nth };
}

/** A random per-document value (issue 12.3), kept in the content script's closure (FillAgent.nonce makes it). */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The frame's side of a fill: report the mapped fields (where each is, what it holds; no value of ours) and the
 * frame's document identity. Writing
 * is done at confirm by the background's one page script per frame (fill/page-script.ts), not here: nothing a
 * page can send reaches a write.
 */
export class FillAgent {
  private seq = 0;
  private made: string | undefined;

  /**
   * Never leaves the extension: the page cannot read this world's closures. Made when first asked for (the
   * first fill's document check, before any write): the first call of the crypto API in a frame costs its
   * thread about a millisecond on the way to the panel (bench T3), and most page loads never fill.
   */
  get nonce(): string {
    this.made ??= newNonce();
    return this.made;
  }

  constructor(private readonly doc: Document) {}

  collect(page: string | null, fields: readonly PageField[]): FrameCollection {
    const run = ++this.seq;
    return {
      page,
      url: this.doc.location.href,
      nonce: this.nonce,
      fields: fields.map((f, i) => {
        const mini = MINI_KINDS.has(f.kind);
        const root = mini ? f.anchor : f.input;
        return {
          fid: `${run}.${i}`,
          key: f.key,
          kind: f.kind,
          label: f.label,
          miniId: mini ? f.id : undefined,
          locator: locate(root, mini ? f.id : undefined),
          current: readText(this.doc, f),
          readOnly: f.readOnly || (!mini && (f.input instanceof HTMLInputElement || f.input instanceof HTMLTextAreaElement) && f.input.readOnly),
          disabled: f.disabled,
          options: optionsOf(this.doc, f),
        };
      }),
    };
  }
}
