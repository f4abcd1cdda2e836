import '../../src/i18n/all';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { checkUpload, type FileProbe, hasAudioTrack, kindOf } from '../../src/validate/upload';

const enc = (s: string) => new TextEncoder().encode(s);
const PDF2M = { accept: ['pdf' as const], maxBytes: 2 * 1024 * 1024, single: true };
const SCAN = { accept: ['pdf' as const, 'jpg' as const, 'png' as const] };
const VIDEO = { accept: ['video' as const], audio: true };

function pdf(name: string, size: number, extra = ''): FileProbe {
  return { name, size, head: enc(`%PDF-1.7\n1 0 obj\n${extra}`), tail: enc(`trailer\n<<${extra}>>\nstartxref\n123\n%%EOF\n`) };
}
function mp4(name: string, handlers: string[]): FileProbe {
  const boxes = handlers.map((h) => `\0\0\0!hdlr\0\0\0\0\0\0\0\0${h}`).join('');
  return { name, size: 5_000_000, head: enc(`\0\0\0\x18ftypmp42\0\0\0\0moov${boxes}`), tail: enc('mdat') };
}
const brief = (probes: FileProbe[], rule: Parameters<typeof checkUpload>[1]) =>
  checkUpload(probes, rule).map((f) => `${f.severity}:${f.code}`);

describe('upload pre-check', () => {
  it('个人信息更改: ONE PDF of at most 2 MB (2 × 1024 × 1024 bytes, inclusive)', () => {
    expect(brief([pdf('scan.pdf', 2_097_152)], PDF2M)).toEqual([]);
    expect(brief([pdf('scan.pdf', 2_097_153)], PDF2M)).toEqual(['error:upload.tooLarge']);
    const [f] = checkUpload([pdf('扫描件.pdf', 2.5 * 1024 * 1024)], PDF2M);
    expect(t('v.upload.tooLarge', f!.params)).toBe(
      '文件「扫描件.pdf」大小 2.50 MB，超过 2 MB 上限：请降低扫描分辨率（如 150 dpi、黑白）或减少页数后重新选择。',
    );
    expect(brief([pdf('a.pdf', 1000), pdf('b.pdf', 1000)], PDF2M)).toEqual(['error:upload.single']);
  });

  it('never states a size over the limit as the limit itself (sizes over it are rounded up)', () => {
    const sizeOf = (bytes: number) => checkUpload([pdf('x.pdf', bytes)], PDF2M)[0]?.params?.size;
    // One byte over 2 MB used to read 「大小 2.00 MB，超过 2 MB 上限」.
    for (const bytes of [2_097_153, 2_100_000, 2_102_394, 2_107_637]) expect(Number(sizeOf(bytes)), String(bytes)).toBeGreaterThan(2);
    expect(sizeOf(2.5 * 1024 * 1024)).toBe('2.50'); // exact hundredths stay as they are
    expect(sizeOf(3 * 1024 * 1024)).toBe('3.00');
  });

  it('flags an encrypted PDF (warning) and an unreadable one (error)', () => {
    expect(brief([pdf('locked.pdf', 1000, '/Encrypt 5 0 R')], PDF2M)).toEqual(['warning:upload.pdfEncrypted']);
    const truncated: FileProbe = { name: 'cut.pdf', size: 1000, head: enc('%PDF-1.4\n'), tail: enc('stream\nxyz') };
    expect(brief([truncated], PDF2M)).toEqual(['error:upload.pdfBroken']);
    const notPdf: FileProbe = { name: 'fake.pdf', size: 1000, head: enc('PK\x03\x04docx'), tail: enc('') };
    expect(brief([notPdf], PDF2M)).toEqual(['error:upload.pdfBroken']);
  });

  it('judges type by content: a JPG renamed .png passes as a scan, a Word file does not', () => {
    const jpg: FileProbe = { name: 'id.png', size: 1000, head: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), tail: new Uint8Array() };
    expect(kindOf(jpg)).toBe('jpg');
    expect(brief([jpg], SCAN)).toEqual([]);
    expect(brief([jpg], PDF2M)).toEqual(['error:upload.type']);
    const doc: FileProbe = { name: '申请表.docx', size: 1000, head: enc('PK\x03\x04'), tail: enc('') };
    expect(brief([doc], SCAN)).toEqual(['error:upload.type']);
  });

  it('本人视频: a video, with sound', () => {
    expect(hasAudioTrack(mp4('v.mp4', ['vide', 'soun']))).toBe(true);
    expect(brief([mp4('v.mp4', ['vide', 'soun'])], VIDEO)).toEqual([]);
    expect(brief([mp4('silent.mp4', ['vide'])], VIDEO)).toEqual(['warning:upload.videoNoAudio']);
    // Cannot tell (moov box out of reach): no claim either way.
    expect(hasAudioTrack({ name: 'x.mp4', size: 9e8, head: enc('\0\0\0\x18ftypisom'), tail: enc('') })).toBeUndefined();
    expect(brief([pdf('v.pdf', 1000)], VIDEO)).toEqual(['error:upload.type']);
  });
});
