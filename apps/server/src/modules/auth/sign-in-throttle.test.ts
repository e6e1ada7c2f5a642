import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delayAfter, MAX_DELAY_SECONDS, secondsToWait, type FailureStats } from './sign-in-throttle.js';

const now = new Date('2026-12-02T08:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const none: FailureStats = { pairCount: 0, pairLastAt: null, accountCount: 0, accountLastAt: null, ipCount: 0, ipOldestAt: null };

describe('sign-in throttle', () => {
  it('doubles the delay from the third failure of a pair and caps it', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => delayAfter(n, 2))).toEqual([0, 0, 1, 2, 4, 8]);
    expect(delayAfter(60, 2)).toBe(MAX_DELAY_SECONDS);
  });

  it('makes the guesser wait out what is left of the delay', () => {
    expect(secondsToWait({ ...none, pairCount: 5, pairLastAt: ago(1), accountCount: 5, accountLastAt: ago(1) }, { usualPlace: false }, now)).toBe(3);
    expect(secondsToWait({ ...none, pairCount: 5, pairLastAt: ago(10), accountCount: 5, accountLastAt: ago(10) }, { usualPlace: false }, now)).toBe(0);
  });

  it('spares the usual place from the account-wide delay, never from its own', () => {
    const spread = { ...none, accountCount: 14, accountLastAt: ago(0) };
    expect(secondsToWait(spread, { usualPlace: false }, now)).toBe(16);
    expect(secondsToWait(spread, { usualPlace: true }, now)).toBe(0);
    expect(secondsToWait({ ...spread, pairCount: 4, pairLastAt: ago(0) }, { usualPlace: true }, now)).toBe(2);
  });

  it('stops an address that sprays many accounts until its oldest failure ages out', () => {
    expect(secondsToWait({ ...none, ipCount: 30, ipOldestAt: ago(14 * 60) }, { usualPlace: true }, now)).toBe(60);
    expect(secondsToWait({ ...none, ipCount: 29, ipOldestAt: ago(60) }, { usualPlace: true }, now)).toBe(0);
  });

  it('never asks for more than the cap, and more failures never mean less wait', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(2000), fc.boolean(), (pair, extra, age, usual) => {
        const s = (n: number): FailureStats => ({ ...none, pairCount: n, pairLastAt: ago(age), accountCount: n + extra, accountLastAt: ago(age) });
        const w = secondsToWait(s(pair), { usualPlace: usual }, now);
        expect(w).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
        expect(secondsToWait(s(pair + 1), { usualPlace: usual }, now)).toBeGreaterThanOrEqual(w);
      }),
    );
  });
});
