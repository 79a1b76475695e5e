/**
 * The browser side of the 200-copy benchmark (bench/combineBrowser.ts): the pane's own reading and
 * folding code (src/taskpane/combine), bundled for the browser as the pane's combine chunk is, run
 * in Chromium on the copies' bytes. No Excel: the write is measured on the test platform in Node.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { compareManyFiles } from '../../src/taskpane/combine/combineMany';
import { readCopy } from '../../src/taskpane/combine/readCopy';

interface Measured {
  readonly readAndFoldMs: number;
  readonly peakHeapMegabytes: number;
  readonly copiesRead: number;
  readonly changing: number;
}

interface MemoryInfo {
  readonly usedJSHeapSize: number;
}

function heapUsed(): number {
  // Chromium only, and precise only with --enable-precise-memory-info.
  return (performance as unknown as { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? Number.NaN;
}

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

(window as unknown as { combineBench: unknown }).combineBench = (
  files: { name: string; base64: string }[],
) => {
  const framework = bundledFrameworks.draft2009;
  const copies = files.map((f) => ({ name: f.name, bytes: bytesOf(f.base64) }));
  const gc = (window as unknown as { gc?: () => void }).gc;
  gc?.();
  // The heap at file granularity: after each file is read, as the pane holds them all.
  const before = heapUsed();
  let peak = before;
  const held = copies.map((c) => {
    const read = readCopy(c.bytes, c.name, framework, []);
    peak = Math.max(peak, heapUsed());
    return read;
  });
  gc?.();
  const start = performance.now();
  const compared = compareManyFiles(copies, framework, [], [], 'theirs');
  const readAndFoldMs = performance.now() - start;
  if (compared.status !== 'compared-many') throw new Error(compared.message);
  const measured: Measured = {
    readAndFoldMs,
    peakHeapMegabytes: (peak - before) / 1024 / 1024,
    copiesRead: held.length,
    changing: compared.criteria.filter((c) => c.state !== 'same').length,
  };
  return measured;
};
