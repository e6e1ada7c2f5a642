/**
 * How long a sign-in attempt must wait, from the failures already recorded. Pure, so the
 * arithmetic is tested without a clock or a database.
 *
 * Why not lock the account: five wrong passwords from anyone locked the owner out too, and
 * the lock told existing e-mails from unknown ones. Instead failures are counted per
 * (e-mail, address) and per e-mail, and each count buys a growing delay, whether the e-mail has
 * an account or not:
 *  - the pair: from the 3rd failure, 1 s, 2 s, 4 s … up to 15 min between attempts — slows one
 *    guesser to a few dozen tries an hour;
 *  - the e-mail, from every address: from the 10th failure, 1 s, 2 s … up to 15 min — slows a
 *    guesser who spreads over many addresses. The owner's usual place (an address they completed
 *    a sign-in from recently) is exempt from this one, so the owner still gets in while someone
 *    else is guessing;
 *  - the address, across e-mails: 30 failures in 15 min stop it for a while (password spraying).
 */
export const PAIR_FREE_FAILURES = 2;
export const ACCOUNT_FREE_FAILURES = 9;
export const MAX_DELAY_SECONDS = 15 * 60;
export const FAILURE_WINDOW_MINUTES = 60;
export const MAX_FAILURES_PER_IP = 30;
export const IP_WINDOW_MINUTES = 15;
// as long as ended sessions are kept (users.purgeStaleSignIns)
export const USUAL_PLACE_DAYS = 30;

export interface FailureStats {
  /** Failures for this e-mail from this address, and the newest one's time. */
  pairCount: number;
  pairLastAt: Date | null;
  /** Failures for this e-mail from any address. */
  accountCount: number;
  accountLastAt: Date | null;
  /** Failures from this address for any e-mail in the last IP_WINDOW_MINUTES. */
  ipCount: number;
  ipOldestAt: Date | null;
}

/** 1 s after the first counted failure, doubling, capped. */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** Math.min(30, failures - free - 1));
}

function remaining(lastAt: Date | null, delaySeconds: number, now: Date): number {
  if (!lastAt || delaySeconds === 0) return 0;
  return Math.max(0, Math.ceil((lastAt.getTime() + delaySeconds * 1000 - now.getTime()) / 1000));
}

/** Seconds to wait before this attempt may be checked at all; 0: go ahead. */
export function secondsToWait(s: FailureStats, opts: { usualPlace: boolean }, now: Date): number {
  const pair = remaining(s.pairLastAt, delayAfter(s.pairCount, PAIR_FREE_FAILURES), now);
  const account = opts.usualPlace ? 0 : remaining(s.accountLastAt, delayAfter(s.accountCount, ACCOUNT_FREE_FAILURES), now);
  // the address is free again when its oldest failure in the window ages out
  const ip = s.ipCount >= MAX_FAILURES_PER_IP && s.ipOldestAt ? remaining(s.ipOldestAt, IP_WINDOW_MINUTES * 60, now) || 1 : 0;
  return Math.max(pair, account, ip);
}
