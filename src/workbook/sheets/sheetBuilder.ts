/**
 * A small mutable helper for assembling one SheetPlan; the finished plan is plain readonly data.
 */
import type { A1, SheetName } from '../address';
import type {
  CellBlock,
  ColumnSpec,
  FormatSpec,
  HighlightSpec,
  PlanCell,
  SheetPlan,
  SheetRole,
  ValidationSpec,
} from '../plan';
import { cell, parseRange } from '../address';
import { pageSetup, type PrintedFor } from '../print';

export class SheetBuilder {
  private readonly blocks: CellBlock[] = [];
  private readonly formats: FormatSpec[] = [];
  private readonly columns: ColumnSpec[] = [];
  private readonly validations: ValidationSpec[] = [];
  private readonly highlights: HighlightSpec[] = [];

  constructor(
    private readonly name: SheetName,
    private readonly role: SheetRole,
  ) {}

  /** Writes a rectangular block with its top-left at (row, column). */
  block(row: number, column: number, cells: readonly (readonly PlanCell[])[]): this {
    const width = cells[0]?.length ?? 0;
    if (cells.length === 0 || width === 0 || cells.some((r) => r.length !== width)) {
      throw new RangeError(`a block on ${this.name} at row ${row} must be a non-empty rectangle`);
    }
    this.blocks.push({ at: cell(row, column), cells });
    return this;
  }

  format(range: A1, spec: Omit<FormatSpec, 'range'>): this {
    this.formats.push({ range, ...spec });
    return this;
  }

  column(column: number, width: number, hidden = false): this {
    this.columns.push(hidden ? { column, width, hidden } : { column, width });
    return this;
  }

  validate(spec: ValidationSpec): this {
    this.validations.push(spec);
    return this;
  }

  highlight(spec: HighlightSpec): this {
    this.highlights.push(spec);
    return this;
  }

  /**
   * The finished sheet. A visible sheet always gets a page setup (A4, one page wide); `print` says
   * whether it must fit one page and what prints.
   */
  build(
    options: Pick<SheetPlan, 'visible' | 'protect' | 'landscape'> &
      Partial<Pick<SheetPlan, 'tabColor' | 'freeze' | 'area' | 'printTitleRows'>> & {
        readonly print?: {
          readonly onePage: boolean;
          readonly printArea?: A1;
          readonly who?: PrintedFor;
          readonly breaksBeforeRows?: readonly number[];
        };
      },
  ): SheetPlan {
    const { print, ...rest } = options;
    const printedWidth =
      print?.breaksBeforeRows && print.breaksBeforeRows.length > 0
        ? { points: this.printedPoints(print.printArea), landscape: options.landscape }
        : undefined;
    const page = options.visible
      ? pageSetup({ ...(print ?? { onePage: false }), ...(printedWidth ? { printedWidth } : {}) })
      : undefined;
    return {
      name: this.name,
      role: this.role,
      blocks: this.blocks,
      formats: this.formats,
      columns: this.columns,
      validations: this.validations,
      ...(this.highlights.length > 0 ? { highlights: this.highlights } : {}),
      ...rest,
      ...(page ? { page } : {}),
    };
  }

  /**
   * How wide the printed columns are, in points: the print area's columns (every column given a
   * width when there is none), hidden ones left out, unset ones at Excel's default width.
   */
  private printedPoints(printArea: A1 | undefined): number {
    const last = printArea
      ? (({ column, columns }) => column + columns - 1)(parseRange(printArea))
      : Math.max(0, ...this.columns.map((c) => c.column));
    let points = 0;
    for (let column = 1; column <= last; column++) {
      const spec = this.columns.find((c) => c.column === column);
      if (!spec?.hidden) points += spec?.width ?? DEFAULT_COLUMN_POINTS;
    }
    return points;
  }
}

/** Excel's default column width (8.43 characters of Calibri 11: 64 pixels, 48 points). */
const DEFAULT_COLUMN_POINTS = 48;
