/** The default catalog: realistic services of all eight types across several categories. */
import type { ServiceDef } from '../types';

export const DEFAULT_CATALOG: readonly ServiceDef[] = [
  { service: 1, name: 'Instagram Followers [Real, 30 days refill]', type: 'Default', rate: '0.90', min: 50, max: 10000, category: 'Instagram Followers', refill: true, dripfeed: true },
  { service: 2, name: 'Instagram Likes [Fast]', type: 'Default', rate: '0.2785', min: 10, max: 50000, category: 'Instagram Likes', dripfeed: true },
  { service: 3, name: 'YouTube Views [Non-drop]', type: 'Default', rate: '1.4421', min: 100, max: 1000000, category: 'YouTube Views', refill: true },
  { service: 4, name: 'Website Traffic from Google [Keywords]', type: 'SEO', rate: '0.65', min: 100, max: 100000, category: 'Website Traffic' },
  { service: 5, name: 'Instagram Custom Comments', type: 'Custom Comments', rate: '8', min: 1, max: 1500, category: 'Instagram Comments', speedPerMin: 60 },
  { service: 6, name: 'Instagram Auto Comments Package', type: 'Custom Comments Package', rate: '12.5', min: 1, max: 100, category: 'Instagram Comments', speedPerMin: 60 },
  { service: 7, name: 'Telegram Poll Votes', type: 'Poll', rate: '0.3355', min: 20, max: 20000, category: 'Telegram' },
  { service: 8, name: 'Instagram Auto Likes [Subscription]', type: 'Subscriptions', rate: '0.45', min: 50, max: 5000, category: 'Instagram Likes', refill: true },
  { service: 9, name: 'Telegram Members [Invites from Groups]', type: 'Invites from Groups', rate: '2.10', min: 100, max: 20000, category: 'Telegram', refill: true },
  { service: 10, name: 'TikTok Starter Package [1000 Followers + Likes]', type: 'Package', rate: '4.99', min: 1000, max: 1000, quantity: 1000, category: 'TikTok' },
  { service: 11, name: 'TikTok Views', type: 'Default', rate: '0.0123456', min: 100, max: 10000000, category: 'TikTok', cancel: false },
  { service: 12, name: 'Twitter/X Retweets', type: 'Default', rate: '3.20', min: 10, max: 5000, category: 'Twitter' },
];
