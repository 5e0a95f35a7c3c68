/** The order types: the table, their fields, and the dry run (prepareOrder). */
export { ORDER_TYPES, ORDER_TYPE_NAMES, normalizeServiceType, orderFields } from './table';
export { prepareOrder, orderTypeOf } from './prepare';
export type { PrepareOptions } from './prepare';
export type { OrderTypeDef, OrderValues } from './define';
export { SUBSCRIPTIONS_REFUSAL } from './subscriptions';
export { splitLines, splitList } from './fields';
