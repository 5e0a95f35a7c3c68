import { CANONICAL_STATUSES, FINAL_STATUSES, STATUS_SPELLINGS, isFinalStatus, normalizeStatus, readStatus } from '../src/statuses';

/** Every spelling the spec and its README name, with its canonical status and finality. */
const SPELLINGS: Array<[string, string, boolean]> = [
  ['Pending', 'Pending', false],
  ['In progress', 'In progress', false],
  ['Partial', 'Partial', true],
  ['Completed', 'Completed', true],
  ['Done', 'Completed', true],
  ['Canceled', 'Canceled', true],
  ['Failed', 'Failed', true],
  ['Processing', 'In progress', false],
  ['Active', 'In progress', false],
  ['Cancelled', 'Canceled', true],
  ['Refunded', 'Canceled', true],
  // Refill statuses and other Panels' words (panels.md).
  ['Rejected', 'Failed', true],
  ['Declined', 'Failed', true],
  ['In queue', 'Pending', false],
  ['Waiting', 'Pending', false],
  ['In process', 'In progress', false],
  ['Partially refunded', 'Partial', true],
];

/** Case and spacing variants seen in the wild. */
function variants(s: string): string[] {
  return [s, s.toLowerCase(), s.toUpperCase(), ` ${s} `, `\t${s}\n`, s.replace(/ /g, '_'), s.replace(/ /g, '-'), s.replace(/ /g, ''), s.replace(/ /g, '  ')];
}

describe('statuses', () => {
  it.each(SPELLINGS)('%s → %s (final %s), in every case and spacing', (raw, canonical, final) => {
    for (const v of variants(raw)) {
      expect(normalizeStatus(v)).toBe(canonical);
      expect(isFinalStatus(v)).toBe(final);
      expect(readStatus(v)).toEqual({ status: canonical, status_raw: v, final });
    }
  });

  it('maps "In Progress" title-case too', () => {
    expect(normalizeStatus('In Progress')).toBe('In progress');
  });

  it('keeps unknown spellings raw, as Unknown and never final', () => {
    for (const raw of ['Paused', 'Expired', 'weird', '42', 'Unknown', '']) {
      expect(readStatus(raw)).toEqual({ status: 'Unknown', status_raw: raw, final: false });
    }
    expect(readStatus(7)).toEqual({ status: 'Unknown', status_raw: '7', final: false });
    expect(readStatus(null)).toEqual({ status: 'Unknown', status_raw: '', final: false });
    expect(readStatus({})).toEqual({ status: 'Unknown', status_raw: '', final: false });
  });

  it('is data: every spelling maps into the canonical set, final ones included', () => {
    for (const c of Object.values(STATUS_SPELLINGS)) expect(CANONICAL_STATUSES).toContain(c);
    for (const c of FINAL_STATUSES) expect(isFinalStatus(c)).toBe(true);
    expect(isFinalStatus('Unknown')).toBe(false);
    expect(isFinalStatus('Pending')).toBe(false);
    expect(isFinalStatus('In progress')).toBe(false);
  });
});
