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
