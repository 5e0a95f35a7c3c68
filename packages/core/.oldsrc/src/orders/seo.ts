/** SEO: link + keywords (comma list, or one per line) + quantity. */
import { defineOrderType } from './define';
import { listField } from './fields';
import { linkField, quantityField } from './common-fields';

export const seoOrder = defineOrderType({
  type: 'SEO',
  description: 'A link, search keywords and a quantity.',
  quantityRule: 'sent',
  fields: [
    linkField(),
    listField('keywords', {
      label: 'Keywords',
      description: 'Search keywords, comma-separated or one per line (a keyword cannot itself contain a comma).',
      required: true,
      itemName: 'keyword',
    }),
    quantityField(),
  ],
});
