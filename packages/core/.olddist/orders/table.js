"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ORDER_TYPE_NAMES = exports.ORDER_TYPES = void 0;
exports.normalizeServiceType = normalizeServiceType;
exports.orderFields = orderFields;
const define_1 = require("./define");
const default_1 = require("./default");
const seo_1 = require("./seo");
const custom_comments_1 = require("./custom-comments");
const custom_comments_package_1 = require("./custom-comments-package");
const poll_1 = require("./poll");
const subscriptions_1 = require("./subscriptions");
const invites_from_groups_1 = require("./invites-from-groups");
const package_1 = require("./package");
exports.ORDER_TYPES = {
    Default: default_1.defaultOrder,
    SEO: seo_1.seoOrder,
    'Custom Comments': custom_comments_1.customCommentsOrder,
    'Custom Comments Package': custom_comments_package_1.customCommentsPackageOrder,
    Poll: poll_1.pollOrder,
    Subscriptions: subscriptions_1.subscriptionsOrder,
    'Invites from Groups': invites_from_groups_1.invitesFromGroupsOrder,
    Package: package_1.packageOrder,
};
/** The type names in the spec's order. */
exports.ORDER_TYPE_NAMES = Object.keys(exports.ORDER_TYPES);
/**
 * Folded spelling (lower-case, letters and digits only) → type name. Catalogs in the wild
 * send "default", "custom_comments", "Custom Comments  Package" …
 */
const TYPE_BY_FOLDED = {
    ...Object.fromEntries(exports.ORDER_TYPE_NAMES.map((n) => [fold(n), n])),
    subscription: 'Subscriptions',
    invitesfromgroup: 'Invites from Groups',
    customcomment: 'Custom Comments',
    customcommentspackages: 'Custom Comments Package',
    customcommentpackage: 'Custom Comments Package',
    packages: 'Package',
};
function fold(s) {
    return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
/** A catalog's service type → one of the eight names, or null when it is none of them. */
function normalizeServiceType(raw) {
    if (typeof raw !== 'string')
        return null;
    const key = fold(raw);
    if (key === '')
        return null;
    return TYPE_BY_FOLDED[key] ?? null;
}
/** The form fields of a type, as n8n / Zapier show them. Subscriptions has none (not creatable). */
function orderFields(type) {
    const name = normalizeServiceType(type);
    if (name === null)
        return [];
    return exports.ORDER_TYPES[name].fields.map(define_1.publicField);
}
