/** Package: link only; the delivered quantity is fixed by the service. */
import { defineOrderType } from './define';
import { linkField } from './common-fields';

export const packageOrder = defineOrderType({
  type: 'Package',
  description: 'A fixed package: only the link is sent; the service fixes the quantity.',
  quantityRule: 'fixed',
  fields: [linkField()],
});
