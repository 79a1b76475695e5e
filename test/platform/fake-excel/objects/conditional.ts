/** Conditional formats (ExcelApi 1.6); only custom (formula) rules are modelled. */
import type {
  XlClientResult,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlConditionalFormatRule,
  XlConditionalRangeFill,
  XlConditionalRangeFont,
  XlConditionalRangeFormat,
  XlCustomConditionalFormat,
} from '../../../../src/excel/api';
import { intersects } from '../a1';
import type { FakeContext } from '../context';
import { invalidArgument, propertyNotLoaded } from '../errors';
import { FakeClientResult, FakeProxy } from '../proxy';
import { normaliseColour } from '../rules';
import type { ConditionalFormatState } from '../state';
import { checkAllowed } from './guard';
import type { Located } from './locate';

const SINCE = '1.6';
type StateOf = () => ConditionalFormatState;

/** Write-only parts: each setter queues a change to the conditional format's state. */
class Part {
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly path: string,
    protected readonly state: StateOf,
  ) {}
  /** The fake keeps these write-only: nothing in the interface can load them. */
  protected unreadable(property: string): never {
    throw propertyNotLoaded(property, this.path);
  }
  protected change(property: string, value: unknown, apply: (s: ConditionalFormatState) => void): void {
    this.ctx.enqueue({
      path: this.path,
      action: `set ${property}`,
      args: value,
      since: SINCE,
      apply: () => apply(this.state()),
    });
  }
}

class FakeConditionalFill extends Part implements XlConditionalRangeFill {
  get color(): string {
    return this.unreadable('color');
  }
  set color(color: string) {
    this.change('color', color, (s) => (s.fill = normaliseColour(color, this.path)));
  }
}

class FakeConditionalFont extends Part implements XlConditionalRangeFont {
  get color(): string {
    return this.unreadable('color');
  }
  set color(color: string) {
    this.change('color', color, (s) => (s.fontColor = normaliseColour(color, this.path)));
  }
  get bold(): boolean {
    return this.unreadable('bold');
  }
  set bold(bold: boolean) {
    this.change('bold', bold, (s) => (s.bold = bold));
  }
}

class FakeConditionalRule extends Part implements XlConditionalFormatRule {
  get formula(): string {
    return this.unreadable('formula');
  }
  set formula(formula: string) {
    this.change('formula', formula, (s) => {
      if (!this.ctx.document.engine.validateFormula(formula))
        throw invalidArgument(`'${formula}' is not a valid formula.`, this.path);
      s.formula = formula;
    });
  }
}

class FakeCustomConditionalFormat implements XlCustomConditionalFormat {
  readonly rule: FakeConditionalRule;
  readonly format: XlConditionalRangeFormat;
  constructor(ctx: FakeContext, path: string, state: StateOf) {
    this.rule = new FakeConditionalRule(ctx, `${path}.rule`, state);
    this.format = {
      fill: new FakeConditionalFill(ctx, `${path}.format.fill`, state),
      font: new FakeConditionalFont(ctx, `${path}.format.font`, state),
    };
  }
}

export class FakeConditionalFormat extends FakeProxy implements XlConditionalFormat {
  readonly custom: FakeCustomConditionalFormat;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly state: () => ConditionalFormatState | undefined,
  ) {
    super(ctx, path);
    this.custom = new FakeCustomConditionalFormat(ctx, `${path}.custom`, () => this.target());
  }

  private target(): ConditionalFormatState {
    return this.state() ?? this.missing('The conditional format');
  }

  protected properties(): Record<string, () => unknown> {
    return { type: () => 'Custom', stopIfTrue: () => this.target().stopIfTrue };
  }

  get type(): 'Custom' {
    return this.read('type');
  }
  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }
  set stopIfTrue(stop: boolean) {
    this.write('stopIfTrue', stop, () => (this.target().stopIfTrue = stop), SINCE);
  }

  delete(): void {
    this.enqueue(
      'delete',
      [],
      () => {
        const id = this.target().id;
        for (const sheet of this.ctx.document.sheets)
          sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c.id !== id);
      },
      SINCE,
    );
  }
}

export class FakeConditionalFormatCollection implements XlConditionalFormatCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly target: () => Located,
  ) {}

  add(type: 'Custom'): FakeConditionalFormat {
    let created: ConditionalFormatState | undefined;
    this.ctx.enqueue({
      path: this.path,
      action: 'add',
      args: [type],
      since: SINCE,
      apply: () => {
        const { sheet, rect } = this.target();
        if (type !== 'Custom')
          throw invalidArgument(
            `The fake models only 'Custom' conditional formats, not '${String(type)}'.`,
            this.path,
          );
        checkAllowed(sheet, 'allowFormatCells', 'add conditional formats', this.path);
        created = { id: this.ctx.document.newObjectId('cf'), rect, formula: '', stopIfTrue: false };
        sheet.conditionalFormats.push(created);
      },
    });
    return new FakeConditionalFormat(this.ctx, `${this.path}.add("${type}")`, () => created);
  }

  /** Removes the conditional formats that overlap the range (the fake does not split them). */
  clearAll(): void {
    this.ctx.enqueue({
      path: this.path,
      action: 'clearAll',
      args: [],
      since: SINCE,
      apply: () => {
        const { sheet, rect } = this.target();
        checkAllowed(sheet, 'allowFormatCells', 'clear conditional formats', this.path);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => !intersects(c.rect, rect));
      },
    });
  }

  getCount(): XlClientResult<number> {
    const result = new FakeClientResult<number>(`${this.path}.getCount()`);
    this.ctx.enqueue({
      path: this.path,
      action: 'getCount',
      args: [],
      since: SINCE,
      apply: () => {
        const { sheet, rect } = this.target();
        result.set(sheet.conditionalFormats.filter((c) => intersects(c.rect, rect)).length);
      },
    });
    return result;
  }
}
