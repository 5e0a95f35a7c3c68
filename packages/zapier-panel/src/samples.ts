/** Sample records Zapier shows before a first real run (shapes of core's data). */
import type { Balance, OrderStatus, RefillStatus, Service } from '@panel/core';

export const SERVICE_SAMPLE = {
  id: '1',
  service: '1',
  name: 'Followers',
  type: 'Default',
  type_raw: 'Default',
  rate: '0.9',
  min: 50,
  max: 10000,
  category: 'First Category',
  refill: true,
  cancel: true,
  dripfeed: false,
  desc: 'Real followers, 30 days refill.',
} satisfies Service & { id: string };

export const ORDER_STATUS_SAMPLE = {
  id: '23501:Completed',
  order: '23501',
  status: 'Completed',
  status_raw: 'Completed',
  final: true,
  charge: '0.27819',
  start_count: 3572,
  remains: 0,
  currency: 'USD',
} satisfies OrderStatus & { id: string };

export const REFILL_STATUS_SAMPLE = {
  id: '1',
  refill: '1',
  status: 'Completed',
  status_raw: 'Completed',
  final: true,
  error: null,
} satisfies RefillStatus & { id: string };

export const BALANCE_SAMPLE = { id: 'balance', balance: '100.84292', currency: 'USD' } satisfies Balance & { id: string };

/** Output fields shared by everything that yields an order status. */
export const ORDER_STATUS_OUTPUT_FIELDS = [
  { key: 'order', label: 'Order ID', type: 'string' as const },
  { key: 'status', label: 'Status', type: 'string' as const },
  { key: 'status_raw', label: 'Status (as the Panel spelled it)', type: 'string' as const },
  { key: 'final', label: 'Final', type: 'boolean' as const },
  { key: 'charge', label: 'Charge', type: 'string' as const },
  { key: 'start_count', label: 'Start Count', type: 'integer' as const },
  { key: 'remains', label: 'Remains', type: 'integer' as const },
  { key: 'currency', label: 'Currency', type: 'string' as const },
];

export const SERVICE_OUTPUT_FIELDS = [
  { key: 'service', label: 'Service ID', type: 'string' as const },
  { key: 'name', label: 'Name', type: 'string' as const },
  { key: 'type', label: 'Order Type', type: 'string' as const },
  { key: 'type_raw', label: 'Order Type (as the Panel spelled it)', type: 'string' as const },
  { key: 'rate', label: 'Rate per 1000', type: 'string' as const },
  { key: 'min', label: 'Minimum Quantity', type: 'integer' as const },
  { key: 'max', label: 'Maximum Quantity', type: 'integer' as const },
  { key: 'category', label: 'Category', type: 'string' as const },
  { key: 'refill', label: 'Refill Available', type: 'boolean' as const },
  { key: 'cancel', label: 'Cancel Available', type: 'boolean' as const },
  { key: 'dripfeed', label: 'Drip-feed Available', type: 'boolean' as const },
  { key: 'desc', label: 'Description', type: 'string' as const },
];
