import { PanelValidationError } from '../../src/errors';
import type { OrderTypeName, Service } from '../../src/types';

export function service(type: OrderTypeName | string, over: Partial<Service> = {}): Service {
  return {
    service: '7',
    name: `${type} service`,
    type: null,
    type_raw: type,
    rate: '0.90',
    min: 10,
    max: 1000,
    category: 'Test',
    ...over,
  };
}

/** Run fn, expect a PanelValidationError naming `field`; returns it for further checks. */
export function validationError(fn: () => unknown, field: string): PanelValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PanelValidationError);
  const err = caught as PanelValidationError;
  expect(err.code).toBe('validation');
  expect(err.field).toBe(field);
  expect(err.message.length).toBeGreaterThan(20);
  return err;
}

/** The PanelError `fn` throws (one helper for the whole suite). */
export { caught as thrown } from '../parse/helpers';
