/** Invites from Groups: target link + source groups (one username per line) + quantity. */
import { defineOrderType } from './define';
import { linesField } from './fields';
import { linkField, quantityField } from './common-fields';

export const invitesFromGroupsOrder = defineOrderType({
  type: 'Invites from Groups',
  description: 'Invites members of source groups to a target channel or group.',
  quantityRule: 'sent',
  fields: [
    linkField('The target channel or group, e.g. https://t.me/yourgroup.'),
    linesField('groups', {
      label: 'Groups',
      description: 'Source groups to invite from: one username per line.',
      required: true,
      itemName: 'group',
      singleWord: true,
    }),
    quantityField(),
  ],
});
