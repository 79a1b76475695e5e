/** The shared string table: each distinct text once, cells refer to it by index. */
import { el, escapeText, excelText, XML_DECLARATION } from './xml';
import { NS } from './namespaces';

export class SharedStrings {
  private readonly list: string[] = [];
  private readonly indexes = new Map<string, number>();
  private uses = 0;

  index(text: string): number {
    this.uses += 1;
    const known = this.indexes.get(text);
    if (known !== undefined) return known;
    this.list.push(text);
    this.indexes.set(text, this.list.length - 1);
    return this.list.length - 1;
  }

  get size(): number {
    return this.list.length;
  }

  xml(): string {
    return (
      XML_DECLARATION +
      el(
        'sst',
        { xmlns: NS.main, count: this.uses, uniqueCount: this.list.length },
        ...this.list.map((text) => {
          // Leading or trailing spaces and line breaks are kept only with xml:space="preserve".
          const preserve = /^\s|\s$|\n/.test(text) ? 'preserve' : undefined;
          return `<si>${el('t', { 'xml:space': preserve }, escapeText(excelText(text)))}</si>`;
        }),
      )
    );
  }
}
