/** Poll: link to the poll + quantity + the answer to vote for. */
import { defineOrderType } from './define';
import { integerField } from './fields';
import { linkField, quantityField } from './common-fields';

export const pollOrder = defineOrderType({
  type: 'Poll',
  description: 'Votes on a poll: the link to the poll post, a quantity and the answer number to vote for.',
  quantityRule: 'sent',
  fields: [
    linkField('Link to the poll post.'),
    quantityField(),
    integerField('answer_number', {
      label: 'Answer Number',
      description: 'The answer to vote for, counted from 1 (1, 2, 3 …).',
      required: true,
      min: 1,
    }),
  ],
});
