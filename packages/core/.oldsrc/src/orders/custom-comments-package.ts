/** Custom Comments Package: comments on a user's posts; billed posts × max, refunded pro rata. */
import { defineOrderType } from './define';
import { dateField, integerField, stringField } from './fields';

export const customCommentsPackageOrder = defineOrderType({
  type: 'Custom Comments Package',
  description:
    "Comments on a user's posts: min–max comments per post over a number of posts. Billed at posts × max; the undelivered part is refunded at completion.",
  quantityRule: 'posts_x_max',
  fields: [
    stringField('username', { label: 'Username', description: 'The target username, e.g. mychannel.', required: true }),
    integerField('min', { label: 'Min', description: 'Minimum comments per post.', required: true, min: 1 }),
    integerField('max', { label: 'Max', description: 'Maximum comments per post (at least Min); the charge is posts × max.', required: true, min: 1 }),
    integerField('delay', { label: 'Delay', description: 'Delay between posts, in minutes (0 for none).', required: true, min: 0 }),
    integerField('posts', {
      label: 'Posts',
      description: 'How many new posts to deliver to (defaults to 1).',
      required: false,
      min: 1,
      default: 1,
    }),
    integerField('old_posts', {
      label: 'Old Posts',
      description: 'How many already-published posts to also process.',
      required: false,
      min: 0,
    }),
    dateField('expiry', {
      label: 'Expiry',
      description: 'Date the package expires, written YYYY-MM-DD (e.g. 2030-01-31).',
      required: false,
    }),
  ],
  refine: (v, ctx) => {
    if (v.min !== undefined && v.max !== undefined && Number(v.max) < Number(v.min)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `Max ("max") must be at least Min (${v.min}), got ${v.max}.` });
    }
  },
});

