/**
 * Pictures on a sheet (ExcelApi 1.9): addImage from base64 PNG or JPEG, position and size in
 * points, alt text, delete. As in Excel, a new picture keeps its proportions (lockAspectRatio),
 * names need not be unique, and a protected sheet refuses changes unless it allows editing objects.
 */
import type { XlShape, XlShapeCollection } from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import { invalidArgument } from '../errors';
import { FakeProxy } from '../proxy';
import type { ShapeState, SheetState } from '../state';
import { FakeCollection } from './collection';
import { checkAllowed } from './guard';

const SHAPES = '1.9';
/** getItemOrNullObject came later than the rest of the shapes API. */
const SHAPE_OR_NULL = '1.14';
/** Pixels at 96 dots per inch to points. */
const POINTS_PER_PIXEL = 0.75;

type Located = { sheet: SheetState; shape: ShapeState };

interface Decoded {
  readonly format: 'png' | 'jpeg';
  readonly bytes: number;
  /** In pixels. */
  readonly width: number;
  readonly height: number;
}

/** JPEG start-of-frame markers carry the size; C4, C8 and CC are other segments. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(data: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] ?? 0;
    if (isStartOfFrame(marker))
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    at += 2 + data.readUInt16BE(at + 2);
  }
  return undefined;
}

/** What Excel accepts: base64 of a PNG or a JPEG whose size can be read. */
export function decodeImage(base64: string, where: string): Decoded {
  const text = base64.replace(/\s+/g, '');
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw invalidArgument('The picture is not valid base64.', where);
  }
  const data = Buffer.from(text, 'base64');
  const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (png && data.length >= 24 && data.toString('latin1', 12, 16) === 'IHDR') {
    return { format: 'png', bytes: data.length, width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data[0] === 0xff && data[1] === 0xd8) {
    const size = jpegSize(data);
    if (size) return { format: 'jpeg', bytes: data.length, ...size };
  }
  throw invalidArgument('The picture is neither a PNG nor a JPEG that Excel can read.', where);
}

export class FakeShape extends FakeProxy implements XlShape {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly locate: () => Located | undefined,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }

  protected override checkTarget(): void {
    this.target();
  }

  private target(): Located {
    return this.locate() ?? this.missing('The shape');
  }

  protected override exists(): boolean {
    return this.locate() !== undefined;
  }

  protected properties(): Record<string, () => unknown> {
    const s = () => this.target().shape;
    return {
      id: () => s().id,
      name: () => s().name,
      left: () => s().left,
      top: () => s().top,
      width: () => s().width,
      height: () => s().height,
      lockAspectRatio: () => s().lockAspectRatio,
      altTextTitle: () => s().altTextTitle,
      altTextDescription: () => s().altTextDescription,
    };
  }

  /** Every change: the 1.9 gate, the sheet's protection, then the change itself. */
  private change(property: string, value: unknown, apply: (shape: ShapeState) => void): void {
    this.write(
      property,
      value,
      () => {
        const { sheet, shape } = this.target();
        checkAllowed(sheet, 'allowEditObjects', 'change pictures', this.path);
        apply(shape);
      },
      SHAPES,
    );
  }

  private points(property: string, value: number, positive: boolean): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      throw invalidArgument(
        `Shape ${property} must be a ${positive ? 'positive' : 'non-negative'} number of points, got ${JSON.stringify(value)}.`,
        this.path,
      );
    }
    return value;
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.change('name', name, (shape) => {
      if (typeof name !== 'string' || name.trim() === '')
        throw invalidArgument('A shape name cannot be blank.', this.path);
      shape.name = name;
    });
  }
  get left(): number {
    return this.read('left');
  }
  set left(left: number) {
    this.change('left', left, (shape) => (shape.left = this.points('left', left, false)));
  }
  get top(): number {
    return this.read('top');
  }
  set top(top: number) {
    this.change('top', top, (shape) => (shape.top = this.points('top', top, false)));
  }
  get width(): number {
    return this.read('width');
  }
  set width(width: number) {
    this.change('width', width, (shape) => {
      const next = this.points('width', width, true);
      if (shape.lockAspectRatio) shape.height = (shape.height * next) / shape.width;
      shape.width = next;
    });
  }
  get height(): number {
    return this.read('height');
  }
  set height(height: number) {
    this.change('height', height, (shape) => {
      const next = this.points('height', height, true);
      if (shape.lockAspectRatio) shape.width = (shape.width * next) / shape.height;
      shape.height = next;
    });
  }
  get lockAspectRatio(): boolean {
    return this.read('lockAspectRatio');
  }
  set lockAspectRatio(lock: boolean) {
    this.change('lockAspectRatio', lock, (shape) => (shape.lockAspectRatio = lock));
  }
  get altTextTitle(): string {
    return this.read('altTextTitle');
  }
  set altTextTitle(title: string) {
    this.change('altTextTitle', title, (shape) => (shape.altTextTitle = title));
  }
  get altTextDescription(): string {
    return this.read('altTextDescription');
  }
  set altTextDescription(description: string) {
    this.change('altTextDescription', description, (shape) => (shape.altTextDescription = description));
  }

  delete(): void {
    this.enqueue(
      'delete',
      [],
      () => {
        const { sheet, shape } = this.target();
        checkAllowed(sheet, 'allowEditObjects', 'delete pictures', this.path);
        sheet.shapes = sheet.shapes.filter((s) => s !== shape);
      },
      SHAPES,
    );
  }
}

export class FakeShapeCollection extends FakeCollection<FakeShape> implements XlShapeCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, path);
  }

  private bound(
    path: string,
    find: (shapes: readonly ShapeState[]) => ShapeState | undefined,
    nullable = false,
  ) {
    return new FakeShape(
      this.ctx,
      path,
      () => {
        const sheet = this.sheet();
        const shape = find(sheet.shapes);
        return shape && { sheet, shape };
      },
      nullable,
    );
  }

  protected members(): FakeShape[] {
    return this.sheet().shapes.map((s) =>
      this.bound(`${this.path}.getItem(${JSON.stringify(s.id)})`, (all) => all.find((x) => x.id === s.id)),
    );
  }

  override load(propertyNames?: Parameters<FakeProxy['load']>[0]): this {
    // The collection's own load has no requirement set; a gate in front gives shapes' 1.9.
    this.enqueue('load (requires shapes)', [], () => undefined, SHAPES);
    return super.load(propertyNames);
  }

  addImage(base64ImageString: string): FakeShape {
    let id = '';
    const path = `${this.path}.addImage()`;
    this.enqueue(
      'addImage',
      [base64ImageString],
      () => {
        const sheet = this.sheet();
        checkAllowed(sheet, 'allowEditObjects', 'insert pictures', path);
        const image = decodeImage(base64ImageString, path);
        id = this.ctx.document.newObjectId('shape');
        let n = sheet.shapes.length + 1;
        while (sheet.shapes.some((s) => s.name === `Picture ${n}`)) n++;
        sheet.shapes.push({
          id,
          name: `Picture ${n}`,
          format: image.format,
          bytes: image.bytes,
          left: 0,
          top: 0,
          width: image.width * POINTS_PER_PIXEL,
          height: image.height * POINTS_PER_PIXEL,
          lockAspectRatio: true,
          altTextTitle: '',
          altTextDescription: '',
        });
      },
      SHAPES,
    );
    return this.bound(path, (all) => all.find((s) => s.id === id));
  }

  /** By id, or the first with the name (Excel's shapes match names without regard to case). */
  private byKey(key: string) {
    return (all: readonly ShapeState[]) =>
      all.find((s) => s.id === key) ?? all.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  getItem(key: string): FakeShape {
    const path = `${this.path}.getItem(${JSON.stringify(key)})`;
    this.ctx.enqueue({ path, action: 'getItem', args: [key], since: SHAPES, apply: () => undefined });
    return this.bound(path, this.byKey(key)).instantiate();
  }

  getItemOrNullObject(key: string): FakeShape {
    const path = `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`;
    this.ctx.enqueue({
      path,
      action: 'getItemOrNullObject',
      args: [key],
      since: SHAPE_OR_NULL,
      apply: () => undefined,
    });
    return this.bound(path, this.byKey(key), true);
  }
}
