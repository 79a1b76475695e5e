/**
 * A message computed when it is first read. A check of 100,000 responses can find as many
 * problems, and building every message up front made garbage collection the largest cost; the
 * task pane reads only the messages it shows. The property is an ordinary enumerable one to
 * anyone reading it (JSON, spreading, deep equality), with the text built once.
 */
export function withLazyText<T extends object, K extends string>(
  target: T,
  key: K,
  compute: () => string,
): T & { readonly [P in K]: string } {
  let cached: string | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (cached ??= compute()),
  });
  return target as T & { readonly [P in K]: string };
}
