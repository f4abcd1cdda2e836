import { joinClauses, joinList, t } from '../i18n';
import { uploadSeverity } from '../rules/status';
import type { ReportedUpload } from '../messaging/protocol';
import { checkUpload, type FileProbe, PROBE_BYTES, sizeText } from '../validate/upload';
import { UPLOAD_TAG, type UploadTarget } from './checker';
import { styleStatus } from './status-style';
import { findingText } from './validation';
import { setMarkedText } from './marked-text';

async function probe(file: File): Promise<FileProbe> {
  const head = new Uint8Array(await file.slice(0, PROBE_BYTES).arrayBuffer());
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - PROBE_BYTES)).arrayBuffer());
  return { name: file.name, size: file.size, head, tail };
}

/**
 * Checks the files just chosen in `input` for the material `target` (type, size, single file, PDF readability,
 * sound in a video) and shows the result beside the uploader; never stops the event and never clears the input —
 * the user's file is theirs to send. Injected with the validators (checker.ts): the content script's listener
 * (upload-check.ts), which knows the page's material tables, calls it.
 */
export async function checkUploads(doc: Document, input: HTMLInputElement, files: File[], target: UploadTarget): Promise<ReportedUpload> {
  const anchor = input.closest('.mini-webuploader, .webuploader-container') ?? input;
  const findings = checkUpload(await Promise.all(files.map(probe)), target.rule);
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
  return { material: target.id, severity, message };
}
