import { TRANSLATION as en } from './translation-en';
import { TRANSLATION as vi } from './translation-vi';

/**
 * Both languages at once, for the tests that compare them. The app never imports this file: it
 * loads one language's chunk at a time (index.ts).
 */
export const RESOURCES = { vi, en };
