/** The eight order types, one rule each. */
import type { OrderTypeName } from '../types';
import { customCommentsType } from './customComments';
import { customCommentsPackageType } from './customCommentsPackage';
import { defaultType } from './default';
import { invitesFromGroupsType } from './invitesFromGroups';
import { packageType } from './package';
import { pollType } from './poll';
import type { OrderTypeRule } from './rule';
import { seoType } from './seo';
import { subscriptionsType } from './subscriptions';

export const ORDER_TYPE_RULES: Record<OrderTypeName, OrderTypeRule> = {
  Default: defaultType,
  SEO: seoType,
  'Custom Comments': customCommentsType,
  'Custom Comments Package': customCommentsPackageType,
  Poll: pollType,
  Subscriptions: subscriptionsType,
  'Invites from Groups': invitesFromGroupsType,
  Package: packageType,
};

export type { OrderTypeRule, Placement } from './rule';
export { seedSubscription } from './subscriptions';
export { packageQuantity } from './package';
