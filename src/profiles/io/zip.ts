import { Inflate } from 'fflate';
import { TableError } from './table';

/**
 * A guarded ZIP reader for XLSX: reads the central directory (APPNOTE.TXT 4.3.12, 4.3.16), lets the caller pick
 * the few parts it needs, and inflates only those, under a running cap on the bytes produced. A zip bomb (a
 * sharedStrings part of hundreds of MB compressed into a few hundred KB) is refused by its declared size before
 * any work, and a part that lies about its size is stopped as soon as its output passes the cap. (fflate's
 * unzipSync inflates every entry with no limit; read-excel-file's unzip has none either.)
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const broken = () => new TableError('import.err.zipBroken');

/** The central directory's entries, or a clear error for a damaged or ZIP64 archive. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new TableError('import.err.zip64');
  if (count > MAX_ENTRIES) throw broken();
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw broken();
    const nameLen = u16(bytes, p + 28);
    const entry: ZipEntry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new TableError('import.err.zip64');
    entries.push(entry);
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

// Deflate expands at most ~1,032:1, so one 16 KiB push yields at most ~16 MiB before the cap is checked again.
const CHUNK = 16 * 1024;

/**
 * Inflate one entry, stopping with `import.err.tooBig` as soon as the output would pass `cap` bytes (whatever
 * the directory declared) — the check is on the bytes produced, chunk by chunk.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, cap: number): Uint8Array {
  if (entry.flags & 1) throw new TableError('import.err.encrypted');
  if (entry.size > cap) throw new TableError('import.err.tooBig', { part: entry.name, mb: Math.round(entry.size / 2 ** 20), max: Math.round(cap / 2 ** 20) });
  const p = entry.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== LOCAL) throw broken();
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw broken();
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw broken();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    throw broken();
  }
  if (over) throw new TableError('import.err.tooBig', { part: entry.name, mb: `> ${Math.round(cap / 2 ** 20)}`, max: Math.round(cap / 2 ** 20) });
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
