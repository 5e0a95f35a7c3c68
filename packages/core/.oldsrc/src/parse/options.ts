import type { Scrubber } from '../errors';

/** Options shared by the per-action parsers: secrets for the errors they may throw. */
export interface ParseOptions {
  secrets?: ReadonlyArray<string | undefined | null>;
  scrub?: Scrubber;
}
