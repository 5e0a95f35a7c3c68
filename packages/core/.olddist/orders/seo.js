"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seoOrder = void 0;
/** SEO: link + keywords (comma list, or one per line) + quantity. */
const define_1 = require("./define");
const fields_1 = require("./fields");
const common_fields_1 = require("./common-fields");
exports.seoOrder = (0, define_1.defineOrderType)({
    type: 'SEO',
    description: 'A link, search keywords and a quantity.',
    quantityRule: 'sent',
    fields: [
        (0, common_fields_1.linkField)(),
        (0, fields_1.listField)('keywords', {
            label: 'Keywords',
            description: 'Search keywords, comma-separated or one per line (a keyword cannot itself contain a comma).',
            required: true,
            itemName: 'keyword',
        }),
        (0, common_fields_1.quantityField)(),
    ],
});
