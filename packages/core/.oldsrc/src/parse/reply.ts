/**
 * interpretResponse + the action's parser in one call, for callers that hold a whole
 * TransportResponse (tests, the fixture corpus, adapters that do their own HTTP).
 */
import type { AddResult, Balance, CancelResult, OrderStatus, RefillResult, RefillStatus, Service, StatusResult, TransportResponse } from '../types';
import { parseAdd } from './add';
import { parseBalance } from './balance';
import { parseCancel } from './cancel';
import { interpretResponse, type InterpretOptions } from './interpret';
import { parseMultiStatus } from './multi-status';
import { parseRefill, parseRefills } from './refill';
import { parseRefillStatus, parseRefillStatuses } from './refill-status';
import { parseServices } from './services';
import { parseStatus } from './status';

export interface ReplyData {
  balance: Balance;
  services: Service[];
  add: AddResult;
  status: OrderStatus;
  multiStatus: StatusResult[];
  cancel: CancelResult[];
  refill: RefillResult;
  refills: RefillResult[];
  refill_status: RefillStatus;
  refill_statuses: RefillStatus[];
}

type Ids = ReadonlyArray<string | number>;

/** Which parser reads which reply; `ids` are the ids the request named. */
const PARSERS: { [K in keyof ReplyData]: (json: unknown, ids: Ids, o: InterpretOptions) => ReplyData[K] } = {
  balance: (j, _i, o) => parseBalance(j, o),
  services: (j, _i, o) => parseServices(j, o),
  add: (j, _i, o) => parseAdd(j, o),
  status: (j, i, o) => parseStatus(j, i[0] ?? '0', o),
  multiStatus: (j, i, o) => parseMultiStatus(j, i.length ? i : undefined, o),
  cancel: (j, i, o) => parseCancel(j, i.length ? i : undefined, o),
  refill: (j, i, o) => parseRefill(j, i[0] ?? '0', o),
  refills: (j, i, o) => parseRefills(j, i.length ? i : undefined, o),
  refill_status: (j, i, o) => parseRefillStatus(j, i[0] ?? '0', o),
  refill_statuses: (j, i, o) => parseRefillStatuses(j, i.length ? i : undefined, o),
};

/** The HTTP action each parser's reply answers (refills / refill_statuses share an action). */
const HTTP_ACTION: Record<keyof ReplyData, string> = {
  balance: 'balance',
  services: 'services',
  add: 'add',
  status: 'status',
  multiStatus: 'multiStatus',
  cancel: 'cancel',
  refill: 'refill',
  refills: 'refill',
  refill_status: 'refill_status',
  refill_statuses: 'refill_status',
};

/** Read a whole reply as `kind`. Returns the typed data or throws a PanelError, nothing else. */
export function parseReply<K extends keyof ReplyData>(kind: K, res: TransportResponse, ids: Ids = [], opts: InterpretOptions = {}): ReplyData[K] {
  const json = interpretResponse(HTTP_ACTION[kind], res, opts);
  return PARSERS[kind](json, ids, opts);
}

export const REPLY_KINDS = Object.keys(PARSERS) as Array<keyof ReplyData>;
