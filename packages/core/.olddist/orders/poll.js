"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pollOrder = void 0;
/** Poll: link to the poll + quantity + the answer to vote for. */
const define_1 = require("./define");
const fields_1 = require("./fields");
const common_fields_1 = require("./common-fields");
exports.pollOrder = (0, define_1.defineOrderType)({
    type: 'Poll',
    description: 'Votes on a poll: the link to the poll post, a quantity and the answer number to vote for.',
    quantityRule: 'sent',
    fields: [
        (0, common_fields_1.linkField)('Link to the poll post.'),
        (0, common_fields_1.quantityField)(),
        (0, fields_1.integerField)('answer_number', {
            label: 'Answer Number',
            description: 'The answer to vote for, counted from 1 (1, 2, 3 …).',
            required: true,
            min: 1,
        }),
    ],
});
