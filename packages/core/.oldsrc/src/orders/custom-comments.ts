/** Custom Comments: link + comments (one per line); quantity is not sent, it is the number of comments. */
import { defineOrderType } from './define';
import { linesField } from './fields';
import { linkField } from './common-fields';

export const customCommentsOrder = defineOrderType({
  type: 'Custom Comments',
  description: 'A link and the comments to post, one per line; the quantity billed is the number of non-empty lines.',
  quantityRule: 'comment_lines',
  fields: [
    linkField(),
    linesField('comments', {
      label: 'Comments',
      description: 'The comments to post, one per line (blank lines are ignored); their count is the quantity billed.',
      required: true,
      itemName: 'comment',
    }),
  ],
});
