"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.quantityField = exports.linkField = void 0;
/** Fields shared by several order types, worded once. */
const fields_1 = require("./fields");
const linkField = (description = 'Link to the page the service is delivered to, e.g. https://instagram.com/yourpage.') => (0, fields_1.urlField)('link', { label: 'Link', description, required: true });
exports.linkField = linkField;
const quantityField = () => (0, fields_1.integerField)('quantity', {
    label: 'Quantity',
    description: "How many units to deliver; must be within the service's min and max.",
    required: true,
    min: 1,
});
exports.quantityField = quantityField;
