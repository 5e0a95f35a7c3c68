/** The Zapier app: a Panel (SMM reseller API v2) through @panel/core. */
import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication';
import balanceBelow from './triggers/balanceBelow';
import newService from './triggers/newService';
import orderStatusPolling from './triggers/orderStatusPolling';
import orderStatusWebhook from './triggers/orderStatusWebhook';
import serviceList from './triggers/serviceList';
import serviceRateChanged from './triggers/serviceRateChanged';
import cancelOrders from './creates/cancelOrders';
import createOrder from './creates/createOrder';
import refillOrder from './creates/refillOrder';
import findOrder from './searches/findOrder';
import findRefill from './searches/findRefill';
import findService from './searches/findService';
import getBalance from './searches/getBalance';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

// Never true at run time: lets `zapier-platform build` trace the files Node loads through the
// "module-sync" export condition (see scripts/module-sync-trace.js, written at build time).
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (process.env.ZAPIER_PANEL_TRACE_HINTS === '1') require('./module-sync-trace');

export default defineApp({
  version,
  platformVersion: zapier.version,
  authentication,
  triggers: {
    [orderStatusWebhook.key]: orderStatusWebhook,
    [orderStatusPolling.key]: orderStatusPolling,
    [newService.key]: newService,
    [serviceRateChanged.key]: serviceRateChanged,
    [balanceBelow.key]: balanceBelow,
    [serviceList.key]: serviceList,
  },
  creates: {
    [createOrder.key]: createOrder,
    [cancelOrders.key]: cancelOrders,
    [refillOrder.key]: refillOrder,
  },
  searches: {
    [findOrder.key]: findOrder,
    [findService.key]: findService,
    [findRefill.key]: findRefill,
    [getBalance.key]: getBalance,
  },
});
