/** The add-in's settings stored in the document (ExcelApi 1.4); values must survive JSON. */
import type { XlSetting, XlSettingCollection } from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import { invalidArgument } from '../errors';
import { FakeProxy } from '../proxy';
import { FakeCollection } from './collection';

const SINCE = '1.4';

function jsonRoundTrip(value: unknown, key: string, where: string): unknown {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined)
    throw invalidArgument(`The value of setting '${key}' cannot be stored (it is not JSON).`, where);
  return JSON.parse(text) as unknown;
}

export class FakeSetting extends FakeProxy implements XlSetting {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly settingKey: string,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  private settingsMap(): Map<string, unknown> {
    return this.ctx.document.settings;
  }

  protected override exists(): boolean {
    return this.settingsMap().has(this.settingKey);
  }

  protected override checkTarget(): void {
    if (!this.exists()) this.missing(`The setting '${this.settingKey}'`);
  }

  protected properties(): Record<string, () => unknown> {
    const present = () => (this.exists() ? undefined : this.missing(`The setting '${this.settingKey}'`));
    return {
      key: () => (present(), this.settingKey),
      value: () => (present(), this.settingsMap().get(this.settingKey)),
    };
  }

  get key(): string {
    return this.read('key');
  }
  get value(): unknown {
    return this.read('value');
  }
  set value(value: unknown) {
    this.write(
      'value',
      value,
      () => {
        if (!this.exists()) this.missing(`The setting '${this.settingKey}'`);
        this.settingsMap().set(this.settingKey, jsonRoundTrip(value, this.settingKey, this.path));
      },
      SINCE,
    );
  }

  delete(): void {
    this.enqueue(
      'delete',
      [],
      () => {
        if (!this.settingsMap().delete(this.settingKey)) this.missing(`The setting '${this.settingKey}'`);
      },
      SINCE,
    );
  }
}

export class FakeSettingCollection extends FakeCollection<FakeSetting> implements XlSettingCollection {
  constructor(ctx: FakeContext) {
    super(ctx, 'settings');
  }

  protected members(): FakeSetting[] {
    return [...this.ctx.document.settings.keys()].map((k) => this.item(k));
  }

  private item(key: string, nullable = false): FakeSetting {
    const call = nullable ? 'getItemOrNullObject' : 'getItem';
    return new FakeSetting(this.ctx, `${this.path}.${call}(${JSON.stringify(key)})`, key, nullable);
  }

  /** Adds or replaces. */
  add(key: string, value: unknown): FakeSetting {
    this.enqueue(
      'add',
      [key, value],
      () => {
        if (key === '') throw invalidArgument('A setting needs a non-empty key.', this.path);
        this.ctx.document.settings.set(key, jsonRoundTrip(value, key, this.path));
      },
      SINCE,
    );
    return this.item(key).instantiate();
  }

  getItem(key: string): FakeSetting {
    return this.item(key).instantiate();
  }

  getItemOrNullObject(key: string): FakeSetting {
    this.enqueue('getItemOrNullObject', [key], () => undefined, SINCE);
    return this.item(key, true);
  }
}
