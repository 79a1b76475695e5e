/** Named items (read 1.1, add 1.4), kept as engine named expressions so formulas can use them. */
import type { XlNamedItem, XlNamedItemCollection } from '../../../../src/excel/api';
import { parseAddress, qualified } from '../a1';
import type { FakeContext } from '../context';
import { invalidOperation } from '../errors';
import { FakeProxy } from '../proxy';
import type { NameState, SheetState } from '../state';
import { FakeCollection } from './collection';
import { FakeRange } from './range';

type Scope = (() => SheetState) | undefined;

export class FakeNamedItem extends FakeProxy implements XlNamedItem {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly locate: () => NameState | undefined,
    private readonly scope: Scope,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  private target(): NameState {
    return this.locate() ?? this.missing('The name');
  }

  protected override checkTarget(): void {
    this.target();
  }

  protected override exists(): boolean {
    return this.locate() !== undefined;
  }

  private formulaNow(): string {
    return this.ctx.document.nameFormula(this.target(), this.scope?.());
  }

  /** The sheet and cells a name refers to, when its formula is a plain reference. */
  private reference(): { sheet: SheetState; rect: ReturnType<typeof parseAddress>['rect'] } | undefined {
    try {
      const parsed = parseAddress(this.formulaNow().replace(/^=/, ''));
      const sheet = parsed.sheet === undefined ? undefined : this.ctx.document.sheetByName(parsed.sheet);
      return sheet && { sheet, rect: parsed.rect };
    } catch {
      // Not a reference (a constant or a calculation): the name has no range, which is not an error here.
      return undefined;
    }
  }

  protected properties(): Record<string, () => unknown> {
    const engine = this.ctx.document.engine;
    const value = () => engine.getNamedExpressionValue(this.target().name, this.scope?.().engineId);
    return {
      name: () => this.target().name,
      formula: () => this.formulaNow(),
      comment: () => this.target().comment,
      visible: () => this.target().visible,
      type: () => {
        if (this.reference()) return 'Range';
        const v = value();
        return typeof v === 'number'
          ? 'Double'
          : typeof v === 'boolean'
            ? 'Boolean'
            : typeof v === 'string'
              ? 'String'
              : 'Error';
      },
    };
  }

  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(formula: string) {
    this.write(
      'formula',
      formula,
      () => {
        const expression = formula.startsWith('=') ? formula : `=${formula}`;
        const state = this.target();
        this.ctx.document.engine.changeNamedExpression(state.name, expression, this.scope?.().engineId);
        delete state.brokenFormula;
      },
      '1.4',
    );
  }
  get comment(): string {
    return this.read('comment');
  }
  set comment(comment: string) {
    this.write('comment', comment, () => (this.target().comment = comment), '1.4');
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(visible: boolean) {
    this.write('visible', visible, () => (this.target().visible = visible));
  }
  get type(): XlNamedItem['type'] {
    return this.read('type');
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange()`, () => {
      const located = this.reference();
      if (!located)
        throw invalidOperation(`The name '${this.target().name}' does not refer to a range.`, this.path);
      return located;
    }).instantiate();
  }

  delete(): void {
    this.enqueue('delete', [], () => this.ctx.document.deleteName(this.target(), this.scope?.()), '1.4');
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> implements XlNamedItemCollection {
  /** `scope` given: the names of one sheet (worksheet.names); otherwise the workbook's. */
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly scope?: () => SheetState,
  ) {
    super(ctx, path);
  }

  private map(): Map<string, NameState> {
    return this.scope ? this.scope().names : this.ctx.document.names;
  }

  protected members(): FakeNamedItem[] {
    return [...this.map().values()].map((n) => this.item(n.name));
  }

  private item(name: string, nullable = false): FakeNamedItem {
    const call = nullable ? 'getItemOrNullObject' : 'getItem';
    return new FakeNamedItem(
      this.ctx,
      `${this.path}.${call}(${JSON.stringify(name)})`,
      () => this.map().get(name.toLowerCase()),
      this.scope,
      nullable,
    );
  }

  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    const arg = typeof reference === 'string' ? reference : { ref: reference.path };
    this.enqueue(
      'add',
      [name, arg, comment],
      () => {
        const formula =
          typeof reference === 'string'
            ? reference
            : `=${qualified(reference.target().sheet.name, reference.target().rect, true)}`;
        this.ctx.document.addName(name, formula, comment, this.scope?.(), this.path);
      },
      '1.4',
    );
    return this.item(name).instantiate();
  }

  getItem(name: string): FakeNamedItem {
    return this.item(name).instantiate();
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.enqueue('getItemOrNullObject', [name], () => undefined, '1.4');
    return this.item(name, true);
  }
}
