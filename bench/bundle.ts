/**
 * The task pane's size as a browser gets it: the JavaScript taskpane.html loads before the first
 * view (the scripts its bootstrap is told to load, and the bootstrap itself; not Office.js), raw
 * and gzipped at level 9, and all the JavaScript of the build, lazily loaded chunks included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  readonly initialJsBytes: number;
  readonly initialJsGzipBytes: number;
  readonly allJsBytes: number;
}

/** The scripts the page runs before the first view: script elements and the bootstrap's list. */
export function initialScripts(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const src = (tag: string) => /\ssrc="?([^"\s>]+)"?/.exec(tag)?.[1] ?? '';
  const listed = tags.flatMap((tag) => (/\sdata-scripts="([^"]*)"/.exec(tag)?.[1] ?? '').split(' '));
  return [...tags.map(src), ...listed].filter((s) => s !== '' && !s.startsWith('https://'));
}

export function measureBundle(folder: string): BundleFigures {
  const html = readFileSync(join(folder, 'taskpane.html'), 'utf8');
  const initial = initialScripts(html).map((src) => readFileSync(join(folder, src)));
  if (initial.length < 2)
    throw new Error(`taskpane.html names ${initial.length} scripts; expected the bootstrap and the pane's`);
  const all = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(folder, f)).length);
  return {
    initialJsBytes: initial.reduce((s, b) => s + b.length, 0),
    initialJsGzipBytes: initial.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    allJsBytes: all.reduce((s, n) => s + n, 0),
  };
}
