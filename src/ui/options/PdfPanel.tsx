import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { describe } from '../../i18n/problem';
import { send } from '../../messaging/client';
import type { Loaded, Merged, PageItem, PdfLib } from '../../pdf/bundle';
import { turn } from '../../pdf/rotation';
import type { UploadRule } from '../../rules/status';
import { checkUpload, PROBE_BYTES, sizeText } from '../../validate/upload';
import { download } from '../common/download';
import { tx, Zh, ZhRuns } from '../components/Zh';
import { todayInShanghai } from '../../domain/calendar';

/** Loaded on first use only: the PDF library stays out of every other bundle (and the workbench's first paint). */
const loadLib = (): Promise<PdfLib> => import('@cantoo/pdf-lib');
const loadCore = () => Promise.all([loadLib(), import('../../pdf/bundle'), import('../../pdf/worker-codec')]);
// The codec's worker, named here so that the bundler sees the URL (as read-in-worker.ts does for the import worker).
const codecWorker = () => new Worker(new URL('../../pdf/codec-worker.ts', import.meta.url), { type: 'module' });

const probe = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, head: bytes.subarray(0, PROBE_BYTES), tail: bytes.subarray(Math.max(0, bytes.length - PROBE_BYTES)) });

/** What a page of the list is called: 「a.pdf 第 2 页」 or the image's file name. */
function pageLabel(loaded: Loaded | undefined, p: PageItem): string {
  const f = loaded?.files[p.file];
  return f?.kind === 'pdf' ? t('pdf.page', { file: f.name, n: p.index + 1 }) : t('pdf.image', { file: f?.name ?? '' });
}

/** The tool as it was before 清空 or ✕ (scans live only in this page: nothing else could bring them back). */
interface Dropped {
  loaded: Loaded | undefined;
  pages: PageItem[];
  result: Merged | undefined;
  text: string;
}

/**
 * PDF 合并: scans and PDFs → one PDF within the upload limit of 个人信息更改 (rule data). Files live in this
 * page's memory only; closing or clearing the tool drops them.
 */
export function PdfPanel() {
  const [rule, setRule] = useState<{ upload: UploadRule; name: string } | undefined>();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [pages, setPages] = useState<PageItem[]>([]);
  const [progress, setProgress] = useState<number | undefined>();
  const [result, setResult] = useState<Merged | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [dropped, setDropped] = useState<Dropped | undefined>();
  // Removing pages can be undone until the next change; any other change ends the undo (it would lose that change).
  const drop = (text: string, nextLoaded: Loaded | undefined, nextPages: PageItem[]) => {
    setDropped({ loaded, pages, result, text });
    setLoaded(nextLoaded);
    setPages(nextPages);
    setResult(undefined);
  };
  const undoDrop = () => {
    if (!dropped) return;
    setLoaded(dropped.loaded);
    setPages(dropped.pages);
    setResult(dropped.result);
    setDropped(undefined);
  };

  useEffect(() => {
    void send('ui:checklist', { business: 'info-change' }).then((page) => {
      const bundle = page.checklist.bundles.find((b) => b.upload.maxBytes);
      if (bundle) setRule({ upload: bundle.upload, name: bundle.name });
    });
  }, []);

  const add = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (!chosen.length) return;
    setError(undefined);
    setResult(undefined);
    setDropped(undefined);
    try {
      const [lib, core] = await loadCore();
      const before = loaded?.files ?? [];
      const files = [...before.map((f) => ({ name: f.name, bytes: f.bytes })), ...(await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))))];
      const next = await core.loadFiles(lib, files);
      // Keep the clerk's order and turns for the pages already there; new pages go to the end.
      const old = new Map(pages.map((p) => [p.key, p]));
      setPages([...pages, ...next.pages.filter((p) => !old.has(p.key))]);
      setLoaded(next);
    } catch (err) {
      setError(describe(err));
    }
  };

  const move = (i: number, by: number) => {
    const next = [...pages];
    const [p] = next.splice(i, 1);
    if (!p) return;
    next.splice(Math.max(0, Math.min(next.length, i + by)), 0, p);
    setPages(next);
    setResult(undefined);
    setDropped(undefined);
  };
  const turnPage = (i: number) => {
    setPages(pages.map((p, j) => (j === i ? { ...p, rotate: turn(p.rotate, 90) } : p)));
    setResult(undefined);
    setDropped(undefined);
  };
  const remove = (i: number) => {
    const page = pages[i];
    if (page) drop(t('pdf.removed', { what: pageLabel(loaded, page) }), loaded, pages.filter((_, j) => j !== i));
  };

  const merge = async () => {
    if (!loaded || !rule?.upload.maxBytes) return;
    setError(undefined);
    setResult(undefined);
    setDropped(undefined);
    setProgress(0);
    try {
      const [lib, core, workerCodec] = await loadCore();
      // One worker a merge, ended with it: whatever it held (scaled pictures, copies of the scans) goes with it.
      const codec = await workerCodec.startCodec(codecWorker);
      try {
        setResult(await core.mergeToLimit(lib, loaded, pages, rule.upload.maxBytes, codec, (f) => setProgress(f)));
      } finally {
        codec.close();
      }
    } catch (err) {
      setError(describe(err));
    } finally {
      setProgress(undefined);
    }
  };

  const findings = result && rule ? checkUpload([probe('merged.pdf', result.bytes)], rule.upload) : [];
  return (
    <section class="panel" id="pdf" data-jzs-pdf-panel="">
      <h2>{t('pdf.title')}</h2>
      <p class="muted">{t('pdf.note')}</p>
      {rule?.upload.maxBytes && <p>{tx('pdf.limit', { size: sizeText(rule.upload.maxBytes), name: <Zh>{rule.name}</Zh> })}</p>}
      <div class="row">
        <label class="file">
          {t('pdf.input')} <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" data-jzs-pdf-input="" onChange={(e) => void add(e.currentTarget)} />
        </label>
        <button type="button" data-jzs-action="pdf-clear" disabled={!pages.length || progress !== undefined} onClick={() => drop(t('pdf.cleared', { n: pages.length }), undefined, [])}>
          {t('pdf.clear')}
        </button>
      </div>
      {dropped && (
        <p class="row" role="status" data-jzs-pdf-dropped="">
          <Zh>{dropped.text}</Zh>{' '}
          <button type="button" data-jzs-action="pdf-undo" onClick={undoDrop}>
            {t('pdf.undo')}
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-jzs-pdf-error="">
          <ZhRuns text={error} />
        </p>
      )}
      {!pages.length && <p class="muted">{t('pdf.none')}</p>}
      <ol class="pdf-pages">
        {pages.map((p, i) => {
          // A screen reader hears each button with the page it acts on, not 「删除」 once per page.
          const on = (action: string) => t('pdf.actionOn', { action, n: i + 1, page: pageLabel(loaded, p) });
          return (
            <li key={p.key} data-jzs-pdf-page={p.key} data-rotate={p.rotate}>
              <span>{pageLabel(loaded, p)}</span>
              {p.rotate ? <span class="muted"> ↻{p.rotate}°</span> : null}{' '}
              <button type="button" disabled={i === 0} aria-label={on(t('pdf.up'))} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" disabled={i === pages.length - 1} aria-label={on(t('pdf.down'))} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" aria-label={on(t('pdf.rotate'))} data-jzs-action="rotate-page" onClick={() => turnPage(i)}>
                ↻
              </button>
              <button type="button" aria-label={on(t('pdf.remove'))} data-jzs-action="remove-page" disabled={progress !== undefined} onClick={() => remove(i)}>
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <button type="button" class="primary" data-jzs-action="merge-pdf" disabled={!pages.length || progress !== undefined} onClick={() => void merge()}>
          {progress !== undefined ? t('pdf.merging') : t('pdf.merge')}
        </button>
        {progress !== undefined && <progress data-jzs-pdf-progress="" max={1} value={progress} />}
      </div>
      {result && rule?.upload.maxBytes && (
        <div data-jzs-pdf-result="" data-bytes={result.bytes.length} data-setting={result.setting === 'original' ? 'original' : `${result.setting.maxSide}:${result.setting.quality}`}>
          <p>{t('pdf.result', { size: sizeText(result.bytes.length), limit: sizeText(rule.upload.maxBytes), pages: result.pages })}</p>
          <p class="muted">{result.setting === 'original' ? t('pdf.original') : t('pdf.setting', { side: result.setting.maxSide, quality: result.setting.quality.toFixed(2) })}</p>
          {findings.length === 0 ? (
            <p class="ok" data-jzs-pdf-check="ok">
              {t('pdf.checkOk')}
            </p>
          ) : (
            findings.map((f) => (
              <p key={f.code} class={f.severity === 'error' ? 'error' : 'warning'} data-jzs-pdf-check={f.severity}>
                {describe({ code: f.code, params: f.params })}
              </p>
            ))
          )}
          <button type="button" class="primary" data-jzs-action="download-pdf" onClick={() => download(`${t('export.fileName.pdfBundle', { date: todayInShanghai(new Date()) })}.pdf`, result.bytes, 'application/pdf')}>
            {t('pdf.download')}
          </button>
        </div>
      )}
    </section>
  );
}
