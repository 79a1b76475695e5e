/** A file the .xlsx reader cannot read, with words for a person saying why (readCells.ts). */
export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError';
}
