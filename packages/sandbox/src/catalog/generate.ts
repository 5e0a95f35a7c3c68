/** A deterministic large catalog for benchmarks: `size` services cycling through every order
 * type, platform and category, with varied rates (≤ 7 decimals) and ranges. */
import { ORDER_TYPE_NAMES, type ServiceDef } from '../types';

const PLATFORMS = ['Instagram', 'YouTube', 'TikTok', 'Telegram', 'Facebook', 'Twitter', 'Spotify', 'Twitch', 'LinkedIn', 'Website'];
const PRODUCTS = ['Followers', 'Likes', 'Views', 'Comments', 'Shares', 'Members', 'Plays', 'Saves'];
const QUALITIES = ['Real', 'HQ', 'Fast', 'Non-drop', 'Targeted', 'Cheap', 'Premium'];

export function generateCatalog(size: number): ServiceDef[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`catalog size must be a positive integer, got ${size}`);
  const out: ServiceDef[] = [];
  for (let i = 0; i < size; i++) {
    const type = ORDER_TYPE_NAMES[i % ORDER_TYPE_NAMES.length]!;
    const platform = PLATFORMS[Math.floor(i / 8) % PLATFORMS.length]!;
    const product = PRODUCTS[Math.floor(i / 80) % PRODUCTS.length]!;
    const quality = QUALITIES[i % QUALITIES.length]!;
    const cents = ((i * 7919) % 99_991) + 9; // 0.0000009 … 0.0099999 × 10^k
    const rate = (BigInt(cents) * 10n ** BigInt(i % 5)).toString().padStart(8, '0');
    const rateText = `${rate.slice(0, -7).replace(/^0+(?=\d)/, '') || '0'}.${rate.slice(-7)}`;
    const small = type === 'Custom Comments' || type === 'Custom Comments Package';
    const min = type === 'Package' ? 1000 : small ? 1 : 10 * (1 + (i % 10));
    const max = type === 'Package' ? 1000 : small ? 100 + (i % 900) : 10_000 * (1 + (i % 100));
    const def: ServiceDef = {
      service: i + 1,
      name: `${platform} ${product} [${quality}] #${i + 1}`,
      type,
      rate: rateText,
      min,
      max,
      category: `${platform} ${product}`,
      refill: i % 3 === 0,
      dripfeed: type === 'Default' && i % 2 === 0,
    };
    if (type === 'Package') def.quantity = 1000;
    out.push(def);
  }
  return out;
}
