/** Save a file the user asked for (a local download: no network involved). */
export function download(fileName: string, content: string | Uint8Array, type: string): void {
  // Blob takes bytes over a plain ArrayBuffer: a copy (a download is a few MB at most).
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
