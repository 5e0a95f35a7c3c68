"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invitesFromGroupsOrder = void 0;
/** Invites from Groups: target link + source groups (one username per line) + quantity. */
const define_1 = require("./define");
const fields_1 = require("./fields");
const common_fields_1 = require("./common-fields");
exports.invitesFromGroupsOrder = (0, define_1.defineOrderType)({
    type: 'Invites from Groups',
    description: 'Invites members of source groups to a target channel or group.',
    quantityRule: 'sent',
    fields: [
        (0, common_fields_1.linkField)('The target channel or group, e.g. https://t.me/yourgroup.'),
        (0, fields_1.linesField)('groups', {
            label: 'Groups',
            description: 'Source groups to invite from: one username per line.',
            required: true,
            itemName: 'group',
            singleWord: true,
        }),
        (0, common_fields_1.quantityField)(),
    ],
});
