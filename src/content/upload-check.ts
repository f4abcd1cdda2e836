import { joinClauses, joinList, t } from '../i18n';
import { materialNameOf } from '../portals/material-table';
import type { ContentChecklist, UploadRule } from '../rules/status';
import { matchMaterial, uploadSeverity } from '../rules/status';
import type { ReportedUpload } from '../messaging/protocol';
import { type FileProbe, PROBE_BYTES, sizeText } from '../validate/upload';
import type { Checker } from './checker';
import { styleStatus } from './status-style';
import { findingText } from './validation';
import { setMarkedText } from './marked-text';

export const UPLOAD_TAG = 'jzs-upload-check';

/** What we advise for a material whose rule names no format (a warning only: no source says so). */
const ADVISED: UploadRule['accept'] = ['pdf', 'jpg', 'png'];

/** The material a file input belongs to: its row in a material table, else the business's single bundle. */
function materialFor(input: HTMLInputElement, view: ContentChecklist): { id: string; rule: UploadRule } | undefined {
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

async function probe(file: File): Promise<FileProbe> {
  const head = new Uint8Array(await file.slice(0, PROBE_BYTES).arrayBuffer());
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - PROBE_BYTES)).arrayBuffer());
  return { name: file.name, size: file.size, head, tail };
}

/**
 * Check a file the moment the user picks it, before the portal's uploader takes it: type, size, single
 * file, PDF readability, sound in a video. Shows the result beside the uploader; never stops the event and
 * never clears the input — the user's file is theirs to send. `checker`: the validators (checker.ts), loaded
 * when a file is first chosen; undefined (the background unreachable): no check, as with no rules.
 */
export function watchUploads(doc: Document, view: () => ContentChecklist | undefined, onResult: (r: ReportedUpload) => void, checker: () => Promise<Pick<Checker, 'checkUpload'> | undefined>): () => void {
  const onChange = (e: Event) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const checklist = view();
    const files = Array.from(input.files ?? []);
    if (!checklist || files.length === 0) return;
    const target = materialFor(input, checklist);
    if (!target) return;
    const anchor = input.closest('.mini-webuploader, .webuploader-container') ?? input;
    void Promise.all([checker(), ...files.map(probe)]).then(([validators, ...probes]) => {
      if (!validators) return;
      const findings = validators.checkUpload(probes, target.rule);
      let el = doc.querySelector<HTMLElement>(`${UPLOAD_TAG}[data-jzs-upload="${target.id}"]`);
      if (!el) {
        el = doc.createElement(UPLOAD_TAG);
        el.setAttribute('data-jzs-upload', target.id);
        el.setAttribute('role', 'status');
      }
      if (el.previousElementSibling !== anchor) anchor.after(el);
      const severity = uploadSeverity(findings.map((f) => f.code), target.rule);
      el.setAttribute('data-severity', severity);
      const message = findings.length
        ? joinClauses(findings.map(findingText))
        : t('v.upload.ok', { name: joinList(files.map((f) => f.name)), size: sizeText(files.reduce((n, f) => n + f.size, 0)) });
      setMarkedText(el, message);
      styleStatus(el, severity, 'block');
      onResult({ material: target.id, severity, message });
    });
  };
  doc.addEventListener('change', onChange, { capture: true, passive: true });
  return () => doc.removeEventListener('change', onChange, { capture: true });
}
