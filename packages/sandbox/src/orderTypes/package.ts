/** Package: link only; the delivered and billed quantity is fixed by the service
 * (`ServiceDef.quantity`, shown as `quantity` in `services`; `min` when absent). */
import { link } from './fields';
import type { OrderTypeRule } from './rule';

export function packageQuantity(service: { quantity?: number; min: number }): number {
  return service.quantity ?? service.min;
}

export const packageType: OrderTypeRule = {
  type: 'Package',
  fields: ['link'],
  place(p, service) {
    const url = link(p);
    const quantity = packageQuantity(service);
    return { quantity, fields: { link: url }, bursts: [{ offsetMs: 0, amount: quantity }] };
  },
};
