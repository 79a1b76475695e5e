/**
 * The streaming XML reader under the .xlsx reader (src/xlsx/xmlStream.ts): htmlparser2's
 * tokenizer is lenient, so what XML requires of the markup and its text is checked here directly.
 */
import { attribute, readXml, SKIP, type Attributes } from '../../src/xlsx/xmlStream';

/** Every element the reader is offered (local name and its `v` attribute) and every text it is given. */
function events(xml: string): string[] {
  const seen: string[] = [];
  readXml(xml, {
    open(parent: number, name: string, attributes: Attributes) {
      seen.push(
        `<${name}${attribute(attributes, 'v') === undefined ? '' : ` v=${attribute(attributes, 'v')}`}>`,
      );
      return name === 'skip' ? SKIP : parent + 1;
    },
    text: (_role, text) => void seen.push(JSON.stringify(text)),
    close: (role) => void seen.push(`/${role}`),
  });
  return seen;
}

describe('reading markup as a stream', () => {
  it('reports self-closing and closed elements alike, by local name, at their depth', () => {
    expect(events('<x:a><x:b/><c v="1"></c></x:a>')).toEqual(['<a>', '<b>', '/3', '<c v=1>', '/3', '/2']);
  });

  it('tells a reader nothing inside an element it skips, nor of a second document element', () => {
    expect(events('<a><skip><b>text</b></skip><c/></a><d>more</d>')).toEqual([
      '<a>',
      '<skip>',
      '<c>',
      '/3',
      '/2',
    ]);
  });

  it('refuses markup that leaves an element open, saying which', () => {
    expect(() => events('<a><b></a>')).toThrow('<b> is not closed');
    expect(() => events('<a><b>text')).toThrow('the part ends inside <b>');
    expect(() => events('<a>')).toThrow('the part ends inside <a>');
    // A tag cut short is damage too, whichever element the tokenizer takes it to be inside.
    expect(() => events('<a><b attr="x"')).toThrow(/^the part ends inside <[ab]>$/);
    expect(() => events('<a><!-- never closed </a>')).toThrow('the part ends inside <a>');
    // A "/>" inside an attribute's value does not close its element.
    expect(() => events('<a><b v="/>"></a>')).toThrow('<b> is not closed');
  });

  it('decodes references in text and attributes once, but not inside CDATA', () => {
    expect(events('<a v="&lt;&#65;&amp;#66;">&amp;lt;<![CDATA[&amp;]]>&#x41;&bogus;</a>')).toEqual([
      '<a v=<A&#66;>',
      '"&lt;"',
      '"&amp;"',
      '"A&bogus;"',
      '/2',
    ]);
  });

  it('reads every line end as LF before anything else, in text, CDATA and attributes', () => {
    expect(events('<a v="1\r\n2\r3">x\r\ny\rz<![CDATA[\r\n]]>&#13;</a>')).toEqual([
      '<a v=1\n2\n3>',
      '"x\\ny\\nz"',
      '"\\n"',
      '"\\r"',
      '/2',
    ]);
  });
});

describe('attributes by local name', () => {
  it('finds an attribute under any prefix, but never a namespace declaration', () => {
    expect(attribute({ 'r:id': 'rId1' }, 'id')).toBe('rId1');
    expect(attribute({ id: 'plain', 'r:id': 'prefixed' }, 'id')).toBe('plain');
    expect(attribute({ 'xmlns:r': 'urn:x' }, 'r')).toBeUndefined();
    expect(attribute({}, 'r')).toBeUndefined();
  });
});
