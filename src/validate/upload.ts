import type { UploadRule } from '../rules/status';
import { err, type Finding, warn } from './types';

/** What we read of a chosen file: its first and last bytes are enough for every check here. */
export interface FileProbe {
  name: string;
  size: number;
  head: Uint8Array;
  tail: Uint8Array;
}

export const PROBE_BYTES = 64 * 1024;
export type FileKind = 'pdf' | 'jpg' | 'png' | 'video' | 'other';

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function indexOf(haystack: Uint8Array, needle: string, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** By content (magic bytes), then by extension. A renamed file is what it is inside. */
export function kindOf(p: FileProbe): FileKind {
  const h = p.head;
  if (indexOf(h.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'jpg';
  if (ascii(h.subarray(0, 8)) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(h.subarray(4, 8)) === 'ftyp') return 'video'; // MP4, MOV, 3GP
  if (h[0] === 0x1a && h[1] === 0x45 && h[2] === 0xdf && h[3] === 0xa3) return 'video'; // WebM, MKV
  if (ascii(h.subarray(0, 4)) === 'RIFF' && ascii(h.subarray(8, 11)) === 'AVI') return 'video';
  if (ascii(h.subarray(0, 3)) === 'FLV') return 'video';
  if (/\.pdf$/i.test(p.name) && p.size === 0) return 'pdf';
  return 'other';
}

/** MP4/MOV handler boxes ('hdlr' + 8 bytes + type): true/false when seen, undefined when we cannot tell. */
export function hasAudioTrack(p: FileProbe): boolean | undefined {
  let sawHandler = false;
  for (const region of [p.head, p.tail]) {
    for (let i = indexOf(region, 'hdlr'); i >= 0; i = indexOf(region, 'hdlr', i + 4)) {
      const type = ascii(region.subarray(i + 12, i + 16));
      if (type === 'soun') return true;
      if (type === 'vide') sawHandler = true;
    }
  }
  return sawHandler ? false : undefined;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
/**
 * A size over a limit, rounded UP to the hundredth: rounded to nearest, a file a few bytes over 2 MB read
 * 「大小 2.00 MB，超过 2 MB 上限」 — a message that contradicts itself. Up, it never reads as within the limit.
 */
const mbOver = (bytes: number) => (Math.ceil((bytes / 1024 / 1024) * 100 - 1e-9) / 100).toFixed(2);
/** PDF/JPG/PNG, 视频 — how a rule's formats read in messages and in the checklist. */
export const formatsText = (accept: UploadRule['accept'], video = '视频') => accept.map((a) => (a === 'video' ? video : a.toUpperCase())).join('/');

/**
 * Check chosen files against a material's upload rule. Returns findings per problem; an empty list means
 * the files are fine. Never decides for the user: the portal still gets the file.
 */
export function checkUpload(files: readonly FileProbe[], rule: UploadRule): Finding[] {
  const out: Finding[] = [];
  if (rule.single && files.length > 1) out.push(err('upload.single', { count: files.length }));
  for (const f of files) {
    const name = f.name;
    const kind = kindOf(f);
    const wanted = rule.accept.some((a) => a === kind);
    if (!wanted) {
      // A file named .pdf that is no PDF inside is a damaged PDF, not a "wrong type".
      if (/\.pdf$/i.test(name) && rule.accept.includes('pdf')) out.push(err('upload.pdfBroken', { name }));
      // Formats that are only our advice (no source names them) make another kind a warning, not an error.
      else if (rule.advice) out.push(warn('upload.typeAdvice', { name, accept: formatsText(rule.accept) }));
      else out.push(err('upload.type', { name, accept: formatsText(rule.accept) }));
      continue;
    }
    if (rule.maxBytes && f.size > rule.maxBytes) out.push(err('upload.tooLarge', { name, size: mbOver(f.size), max: mb(rule.maxBytes).replace(/\.?0+$/, '') }));
    if (kind === 'pdf') {
      if (indexOf(f.tail.subarray(Math.max(0, f.tail.length - 2048)), '%%EOF') < 0) out.push(err('upload.pdfBroken', { name }));
      else if (indexOf(f.head, '/Encrypt') >= 0 || indexOf(f.tail, '/Encrypt') >= 0) out.push(warn('upload.pdfEncrypted', { name }));
    }
    if (kind === 'video' && rule.audio && hasAudioTrack(f) === false) out.push(warn('upload.videoNoAudio', { name }));
  }
  return out;
}

export const sizeText = mb;
