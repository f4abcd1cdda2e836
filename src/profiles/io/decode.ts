/**
 * Decode a CSV file's bytes. Excel on Chinese Windows saves "CSV" as GBK (GB18030 is its superset); newer
 * Excel and WPS save UTF-8, often with a BOM. A BOM decides; else valid UTF-8 is UTF-8; else GB18030.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  // Excel's "Unicode 文本" export: UTF-16 with a BOM, tab-separated.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
