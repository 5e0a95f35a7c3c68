/**
 * The eight order types of the spec as one table of data. Adding a type means adding a
 * file beside this one and a row here; nothing else branches on the type name.
 */
import type { OrderField, OrderTypeName } from '../types';
import { publicField, type OrderTypeDef } from './define';
import { defaultOrder } from './default';
import { seoOrder } from './seo';
import { customCommentsOrder } from './custom-comments';
import { customCommentsPackageOrder } from './custom-comments-package';
import { pollOrder } from './poll';
import { subscriptionsOrder } from './subscriptions';
import { invitesFromGroupsOrder } from './invites-from-groups';
import { packageOrder } from './package';

export const ORDER_TYPES: Readonly<Record<OrderTypeName, OrderTypeDef>> = {
  Default: defaultOrder,
  SEO: seoOrder,
  'Custom Comments': customCommentsOrder,
  'Custom Comments Package': customCommentsPackageOrder,
  Poll: pollOrder,
  Subscriptions: subscriptionsOrder,
  'Invites from Groups': invitesFromGroupsOrder,
  Package: packageOrder,
};

/** The type names in the spec's order. */
export const ORDER_TYPE_NAMES = Object.keys(ORDER_TYPES) as OrderTypeName[];

/**
 * Folded spelling (lower-case, letters and digits only) → type name. Catalogs in the wild
 * send "default", "custom_comments", "Custom Comments  Package" …
 */
const TYPE_BY_FOLDED: Readonly<Record<string, OrderTypeName>> = {
  ...Object.fromEntries(ORDER_TYPE_NAMES.map((n) => [fold(n), n])),
  subscription: 'Subscriptions',
  invitesfromgroup: 'Invites from Groups',
  customcomment: 'Custom Comments',
  customcommentspackages: 'Custom Comments Package',
  customcommentpackage: 'Custom Comments Package',
  packages: 'Package',
};

function fold(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** A catalog's service type → one of the eight names, or null when it is none of them. */
export function normalizeServiceType(raw: unknown): OrderTypeName | null {
  if (typeof raw !== 'string') return null;
  const key = fold(raw);
  if (key === '') return null;
  return TYPE_BY_FOLDED[key] ?? null;
}

/** The form fields of a type, as n8n / Zapier show them. Subscriptions has none (not creatable). */
export function orderFields(type: OrderTypeName | string): OrderField[] {
  const name = normalizeServiceType(type);
  if (name === null) return [];
  return ORDER_TYPES[name].fields.map(publicField);
}
