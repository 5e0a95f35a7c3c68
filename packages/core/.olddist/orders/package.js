"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.packageOrder = void 0;
/** Package: link only; the delivered quantity is fixed by the service. */
const define_1 = require("./define");
const common_fields_1 = require("./common-fields");
exports.packageOrder = (0, define_1.defineOrderType)({
    type: 'Package',
    description: 'A fixed package: only the link is sent; the service fixes the quantity.',
    quantityRule: 'fixed',
    fields: [(0, common_fields_1.linkField)()],
});
