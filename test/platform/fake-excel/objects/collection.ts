/** Collections: `items` is readable after load + sync; load names apply to every item. */
import type { XlPropertyNames } from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import { propertyNotLoaded } from '../errors';
import { FakeClientResult, FakeProxy, propertyList } from '../proxy';

export abstract class FakeCollection<T extends FakeProxy> extends FakeProxy {
  private loadedItems?: T[];

  constructor(ctx: FakeContext, path: string) {
    super(ctx, path);
  }

  /** The members now, each as a proxy bound to its object. */
  protected abstract members(): T[];

  protected properties(): Record<string, () => unknown> {
    return {};
  }

  get items(): T[] {
    if (!this.loadedItems) throw propertyNotLoaded('items', this.path);
    return [...this.loadedItems];
  }

  override load(propertyNames?: XlPropertyNames): this {
    // 'items/name' and 'name' both mean the items' name.
    const names = propertyList(propertyNames)
      .map((n) => n.replace(/^items\/?/, ''))
      .filter((n) => n !== '');
    this.enqueue('load', names, () => {
      const members = this.members();
      for (const member of members) member.applyLoad(names);
      this.loadedItems = members;
    });
    return this;
  }

  protected count(action: string, compute: () => number, since?: string): FakeClientResult<number> {
    const result = new FakeClientResult<number>(`${this.path}.${action}`);
    this.enqueue(action, [], () => result.set(compute()), since);
    return result;
  }
}
