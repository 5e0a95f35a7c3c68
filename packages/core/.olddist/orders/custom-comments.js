"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.customCommentsOrder = void 0;
/** Custom Comments: link + comments (one per line); quantity is not sent, it is the number of comments. */
const define_1 = require("./define");
const fields_1 = require("./fields");
const common_fields_1 = require("./common-fields");
exports.customCommentsOrder = (0, define_1.defineOrderType)({
    type: 'Custom Comments',
    description: 'A link and the comments to post, one per line; the quantity billed is the number of non-empty lines.',
    quantityRule: 'comment_lines',
    fields: [
        (0, common_fields_1.linkField)(),
        (0, fields_1.linesField)('comments', {
            label: 'Comments',
            description: 'The comments to post, one per line (blank lines are ignored); their count is the quantity billed.',
            required: true,
            itemName: 'comment',
        }),
    ],
});
