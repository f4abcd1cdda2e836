import type { ReportedUpload } from '../messaging/protocol';
import { materialNameOf } from '../portals/material-table';
import { type ContentChecklist, matchMaterial, type UploadRule } from '../rules/status';
import type { Checker, UploadTarget } from './checker';

/** What we advise for a material whose rule names no format (a warning only: no source says so). */
const ADVISED: UploadRule['accept'] = ['pdf', 'jpg', 'png'];

/** The material a file input belongs to: its row in a material table, else the business's single bundle. */
function materialFor(input: HTMLInputElement, view: ContentChecklist): UploadTarget | undefined {
  // The row of a material table the uploader sits in, through a file list nested in its cell.
  let name: string | undefined;
  for (let row = input.closest('tr'); row && !name; row = row.parentElement?.closest('tr') ?? null) name = materialNameOf(row);
  const item = name ? matchMaterial(name, view.items) : undefined;
  const rule = item?.upload ?? (item ? { accept: ADVISED } : undefined);
  if (item && rule) return { id: item.id, rule };
  const bundle = view.bundles[0];
  if (bundle) return { id: bundle.id, rule: bundle.upload };
  return undefined;
}

/**
 * Checks a file the moment the user picks it, before the portal's uploader takes it. Only the listener is in the
 * content script: the check and its result beside the uploader come with the validators (checker.ts
 * `checkUploads`), loaded when a file is first chosen; undefined (the background unreachable): no check, as with
 * no rules. The files are taken at the event: a later choice is its own event.
 */
export function watchUploads(doc: Document, view: () => ContentChecklist | undefined, onResult: (r: ReportedUpload) => void, checker: () => Promise<Pick<Checker, 'checkUploads'> | undefined>): () => void {
  const onChange = (e: Event) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const checklist = view();
    const files = Array.from(input.files ?? []);
    const target = checklist && files.length > 0 ? materialFor(input, checklist) : undefined;
    if (!target) return;
    void checker()
      .then((c) => c?.checkUploads(doc, input, files, target))
      .then((result) => result && onResult(result));
  };
  doc.addEventListener('change', onChange, { capture: true, passive: true });
  return () => doc.removeEventListener('change', onChange, { capture: true });
}
