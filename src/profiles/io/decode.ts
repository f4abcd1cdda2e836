/**
 * Decode a CSV file's bytes. Excel on Chinese Windows saves "CSV" as GBK (GB18030 is its superset); newer
 * Excel and WPS save UTF-8, often with a BOM. A BOM decides; else valid UTF-8 is UTF-8; else each line is
 * decoded on its own — two exports pasted together (GBK then UTF-8) are read right line by line, and said so.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'mixed';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** For a mixed file: the first lines (1-based) read as UTF-8 and as GBK. */
  mixed?: { utf8Lines: number[]; gbkLines: number[] } | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Lines decoded one by one: a line that is valid UTF-8 is UTF-8, any other GB18030. */
function decodeByLine(bytes: Uint8Array): Decoded {
  const gbk = new TextDecoder('gb18030');
  const plain = new TextDecoder('utf-8');
  const parts: string[] = [];
  const utf8Lines: number[] = [];
  const gbkLines: number[] = [];
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    const ascii = chunk.every((b) => b < 0x80);
    if (ascii || isUtf8(chunk)) {
      if (!ascii) utf8Lines.push(line);
      parts.push(plain.decode(chunk));
    } else {
      gbkLines.push(line);
      parts.push(gbk.decode(chunk));
    }
    start = end + 1;
    line++;
  }
  const text = parts.join('\n');
  if (!utf8Lines.length) return { text, encoding: 'gb18030' };
  return { text, encoding: 'mixed', mixed: { utf8Lines: utf8Lines.slice(0, 5), gbkLines: gbkLines.slice(0, 5) } };
}

export function decodeText(bytes: Uint8Array): Decoded {
  // Excel's "Unicode 文本" export: UTF-16 with a BOM, tab-separated.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    return isUtf8(rest) ? { text: new TextDecoder('utf-8').decode(rest), encoding: 'utf-8-bom' } : decodeByLine(rest);
  }
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return decodeByLine(bytes);
}
