import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): ~30 ms here, slow enough for guessing, fast enough for sign-in
const ARGON_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

// Passwords seen in Vietnamese leaks and habits that the English list misses.
const LOCAL_COMMON = [
  'matkhau',
  'matkhau123',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'vietnam',
  'hanoi',
  'saigon',
  'congan',
  'ubnd',
  'khien',
  'admin',
  'administrator',
  'quantri',
  'abc123',
  'qwerty',
  'password',
  '1234567890',
  'iloveyou',
];

let common: Set<string> | undefined;
function commonSet(): Set<string> {
  common ??= new Set([...(dictionary.passwords as string[]), ...LOCAL_COMMON].map((p) => p.toLowerCase()));
  return common;
}

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự / at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'Mật khẩu quá dài (tối đa 256 ký tự) / too long (max 256)';
  const lower = password.toLowerCase();
  // "password2024!" is "password" with decoration: strip trailing digits and symbols before the lookup
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const set = commonSet();
  if (set.has(lower) || (core.length > 0 && set.has(core)) || /^(.)\1+$/u.test(password) || /^\d+$/u.test(password)) {
    return 'Mật khẩu quá phổ biến, dễ đoán / too common, easy to guess';
  }
  for (const word of context) {
    const w = word.toLowerCase().trim();
    if (w.length >= 4 && lower.includes(w)) return 'Mật khẩu không được chứa email hoặc tên của bạn / must not contain your email or name';
  }
  return null;
}

export function assertPasswordAcceptable(password: string, context: string[] = []): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('WEAK_PASSWORD', problem);
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the email is unknown keeps the timing the same as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
