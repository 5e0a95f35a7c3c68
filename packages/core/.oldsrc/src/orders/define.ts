/** The shape of one entry in the order-type table, and how its zod schema is assembled. */
import { z } from 'zod';
import type { OrderField, OrderTypeName, QuantityRule, Service } from '../types';
import type { FieldSpec } from './fields';

/** Validated, normalised form values of one order type (field name → form string). */
export type OrderValues = Record<string, string | undefined>;

export interface OrderTypeDef {
  type: OrderTypeName;
  description: string;
  /** false: the Panel refuses to create it through the API (Subscriptions). */
  creatable: boolean;
  quantityRule: QuantityRule;
  /** The form fields besides key/action/service, in the order they are sent. */
  fields: readonly FieldSpec[];
  /** zod: user input → normalised form values; issues carry the field name in `path[0]`. */
  schema: z.ZodType<OrderValues, z.ZodTypeDef, unknown>;
  /** A rule between the values and the service's catalog entry; returns the problem, if any. */
  serviceRule?: ServiceRule;
}

export type ServiceRule = (values: OrderValues, service: Service) => { field: string; message: string } | null;

export interface OrderTypeSpec {
  type: OrderTypeName;
  description: string;
  creatable?: boolean;
  quantityRule: QuantityRule;
  fields: FieldSpec[];
  /** Rules across fields (e.g. max ≥ min); add issues with `path: [field]`. */
  refine?: (values: OrderValues, ctx: z.RefinementCtx) => void;
  serviceRule?: ServiceRule;
}

export function defineOrderType(spec: OrderTypeSpec): OrderTypeDef {
  const shape: Record<string, FieldSpec['schema']> = {};
  for (const f of spec.fields) shape[f.name] = f.schema;
  // Unknown input keys are dropped (z.object strips): only the type's own fields are sent.
  const object = z.object(shape) as unknown as z.ZodType<OrderValues, z.ZodTypeDef, unknown>;
  const schema = spec.refine ? object.superRefine(spec.refine) : object;
  return {
    type: spec.type,
    description: spec.description,
    creatable: spec.creatable ?? true,
    quantityRule: spec.quantityRule,
    fields: spec.fields,
    schema: schema as z.ZodType<OrderValues, z.ZodTypeDef, unknown>,
    ...(spec.serviceRule ? { serviceRule: spec.serviceRule } : {}),
  };
}

/** The user-facing description of a field (no schema), as OrderField. */
export function publicField(f: FieldSpec): OrderField {
  const out: OrderField = { name: f.name, label: f.label, description: f.description, kind: f.kind, required: f.required };
  if (f.default !== undefined) out.default = f.default;
  if (f.min !== undefined) out.min = f.min;
  return out;
}
