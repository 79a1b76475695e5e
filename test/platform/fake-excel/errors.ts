/**
 * Errors shaped like OfficeExtension.Error: an Error with a `code` from Office's list, so adapter
 * code that branches on `error.code` behaves the same against the fake and against Excel.
 */
import type { XlErrorCode } from '../../../src/excel/api';

export class FakeOfficeError extends Error {
  override readonly name = 'FakeOfficeError';
  constructor(
    readonly code: XlErrorCode,
    message: string,
    /** The proxy path of the operation that failed, like Office's debugInfo.errorLocation. */
    readonly errorLocation?: string,
  ) {
    super(`${code}: ${message}${errorLocation ? ` (at ${errorLocation})` : ''}`);
  }
}

export const itemNotFound = (what: string, where?: string): FakeOfficeError =>
  new FakeOfficeError('ItemNotFound', `${what} does not exist.`, where);

export const invalidArgument = (what: string, where?: string): FakeOfficeError =>
  new FakeOfficeError('InvalidArgument', what, where);

export const invalidOperation = (what: string, where?: string): FakeOfficeError =>
  new FakeOfficeError('InvalidOperation', what, where);

export const accessDenied = (what: string, where?: string): FakeOfficeError =>
  new FakeOfficeError('AccessDenied', what, where);

/** Office's wording for reading a property that was not loaded. Thrown at once, not at sync. */
export const propertyNotLoaded = (property: string, where: string): FakeOfficeError =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call context.sync() on the associated request context.`,
    where,
  );
