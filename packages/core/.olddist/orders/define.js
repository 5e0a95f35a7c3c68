"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineOrderType = defineOrderType;
exports.publicField = publicField;
/** The shape of one entry in the order-type table, and how its zod schema is assembled. */
const zod_1 = require("zod");
function defineOrderType(spec) {
    const shape = {};
    for (const f of spec.fields)
        shape[f.name] = f.schema;
    // Unknown input keys are dropped (z.object strips): only the type's own fields are sent.
    const object = zod_1.z.object(shape);
    const schema = spec.refine ? object.superRefine(spec.refine) : object;
    return {
        type: spec.type,
        description: spec.description,
        creatable: spec.creatable ?? true,
        quantityRule: spec.quantityRule,
        fields: spec.fields,
        schema: schema,
        ...(spec.serviceRule ? { serviceRule: spec.serviceRule } : {}),
    };
}
/** The user-facing description of a field (no schema), as OrderField. */
function publicField(f) {
    const out = { name: f.name, label: f.label, description: f.description, kind: f.kind, required: f.required };
    if (f.default !== undefined)
        out.default = f.default;
    if (f.min !== undefined)
        out.min = f.min;
    return out;
}
