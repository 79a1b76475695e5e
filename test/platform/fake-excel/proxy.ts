/**
 * The proxy model shared by every fake Office object: writes and calls are queued on the
 * context and applied at sync; properties are readable only after load + sync, and what was
 * loaded is a snapshot taken during that sync.
 */
import type { XlPropertyNames } from '../../../src/excel/api';
import type { FakeContext } from './context';
import { invalidArgument, itemNotFound, propertyNotLoaded } from './errors';

/** Splits Office's load argument: 'a, b/c' or ['a', 'b/c']. */
export function propertyList(names: XlPropertyNames | undefined): string[] {
  const parts = names === undefined ? [] : Array.isArray(names) ? names : [names];
  return parts
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    /** How the object was reached, e.g. worksheets.getItem("Start").getRange("A1"). */
    readonly path: string,
    /** Made by an ...OrNullObject method: a missing target is a null object, not an error. */
    protected readonly nullable = false,
  ) {}

  /** The scalar properties `load()` knows, each read from the document at sync time. */
  protected abstract properties(): Record<string, () => unknown>;

  /** Child objects reachable in a load path ('format/fill/color'). */
  protected navigation(): Record<string, FakeProxy> {
    return {};
  }

  /**
   * Finds the target now, throwing Office's error when it is missing or invalid. Called by the
   * instantiate action that every proxy returned by a method queues (see `instantiate`).
   */
  protected checkTarget(): void {
    // Objects that are always there once their parent is (formats, protection) need no check.
  }

  /**
   * Office queues an instantiate action for every object a method call returns
   * (`getItem`, `getRange`, `getCell`, ...), so a batch holding a proxy to a missing sheet, an
   * address Excel rejects or an offset off the sheet fails at `sync()` even when nothing else in
   * the batch uses the proxy (ItemNotFound or InvalidArgument). `...OrNullObject` proxies do not
   * fail: they become null objects. The action is implicit: it is not counted in `ops`.
   */
  instantiate(): this {
    if (!this.nullable)
      this.ctx.enqueue({
        path: this.path,
        action: 'instantiate',
        args: [],
        implicit: true,
        apply: () => this.checkTarget(),
      });
    return this;
  }

  /** Whether the target exists now (only asked of nullable proxies). */
  protected exists(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    return this.nullable ? this.read<boolean>('isNullObject') : false;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property, this.path);
    return this.loaded.get(property) as T;
  }

  /**
   * The Office.js type this object stands for, whose members' requirement sets the context
   * enforces (apiSets.ts): FakeWorksheet is Excel.Worksheet.
   */
  protected excelType(): string {
    return this.constructor.name.replace(/^Fake/, '');
  }

  /** Queues an operation on this object; `apply` runs during a later sync. */
  protected enqueue(action: string, args: unknown, apply: () => void, since?: string): void {
    this.ctx.enqueue({
      path: this.path,
      action,
      args,
      apply,
      type: this.excelType(),
      ...(since ? { since } : {}),
    });
  }

  /** Queues a property write. */
  protected write(property: string, value: unknown, apply: () => void, since?: string): void {
    this.enqueue(`set ${property}`, value, apply, since);
  }

  load(propertyNames?: XlPropertyNames): this {
    const names = propertyList(propertyNames);
    this.enqueue('load', names, () => this.applyLoad(names));
    return this;
  }

  /** Takes the snapshot; called during sync (directly for collection items). */
  applyLoad(names: readonly string[]): void {
    if (this.nullable) {
      const missing = !this.exists();
      this.store('isNullObject', missing);
      if (missing) return;
    }
    const properties = this.properties();
    const wanted = names.length > 0 ? names : Object.keys(properties);
    for (const name of wanted) {
      const slash = name.indexOf('/');
      if (slash >= 0) {
        const child = this.navigation()[name.slice(0, slash)];
        if (!child)
          throw invalidArgument(
            `'${name.slice(0, slash)}' is not an object under ${this.path} that the fake can load.`,
            this.path,
          );
        child.applyLoad([name.slice(slash + 1)]);
        continue;
      }
      const getter = properties[name];
      if (!getter) {
        throw invalidArgument(
          `'${name}' is not a property the fake can load here (known: ${Object.keys(properties).join(', ')}).`,
          this.path,
        );
      }
      this.store(name, getter());
    }
  }

  private store(name: string, value: unknown): void {
    // A snapshot: later changes to the document or to the returned array do not show through.
    const copy: unknown = structuredClone(value);
    this.loaded.set(name, copy);
    this.ctx.countResponse(copy);
  }

  protected missing(what: string): never {
    throw itemNotFound(what, this.path);
  }
}

/** A value returned by a method, readable after the sync that computes it (Office's ClientResult). */
export class FakeClientResult<T> {
  private result?: { value: T };

  constructor(private readonly path: string) {}

  set(value: T): void {
    this.result = { value };
  }

  get value(): T {
    if (!this.result) throw propertyNotLoaded('value', this.path);
    return this.result.value;
  }
}
