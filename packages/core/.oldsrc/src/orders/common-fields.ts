/** Fields shared by several order types, worded once. */
import { integerField, urlField } from './fields';

export const linkField = (description = 'Link to the page the service is delivered to, e.g. https://instagram.com/yourpage.') =>
  urlField('link', { label: 'Link', description, required: true });

export const quantityField = () =>
  integerField('quantity', {
    label: 'Quantity',
    description: "How many units to deliver; must be within the service's min and max.",
    required: true,
    min: 1,
  });
