/** The simulated clock: stepped by hand (tests) or running at `speed` × real time (demos). */
export type ClockOption = 'manual' | { speed: number };

export interface Clock {
  readonly manual: boolean;
  now(): number;
  /** Manual clocks only: move time forward. */
  step(ms: number): void;
}

export function createClock(option: ClockOption, start: number, realNow: () => number = Date.now): Clock {
  if (option === 'manual') {
    let t = start;
    return {
      manual: true,
      now: () => t,
      step(ms) {
        if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error(`advance: ms must be a non-negative number, got ${ms}`);
        t += ms;
      },
    };
  }
  const speed = option.speed;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`clock speed must be a positive number, got ${speed}`);
  const realStart = realNow();
  let offset = 0; // extra time added by advance() on a running clock
  return {
    manual: false,
    now: () => start + offset + Math.floor((realNow() - realStart) * speed),
    step(ms) {
      if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error(`advance: ms must be a non-negative number, got ${ms}`);
      offset += ms;
    },
  };
}
