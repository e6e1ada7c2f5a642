/**
 * Text a person reads later, in their language. What an import finds wrong is written once in both
 * languages where it is found, kept that way (with the import, for a background one) and picked when
 * it is read: by the web in the language of the request (Accept-Language, which the web app sets to
 * the language chosen in its header), by the CLI in its own (--lang, LANG). Never "vi / en" in one string.
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** One sentence in both languages. */
export interface Words {
  vi: string;
  en: string;
}

export function pick(words: Words, lang: Lang): string {
  return words[lang];
}

/** Both languages' sentence from one function of the language: `both((l) => l === 'vi' ? … : …)`. */
export function both(sentence: (lang: Lang) => string): Words {
  return { vi: sentence('vi'), en: sentence('en') };
}

export function isWords(value: unknown): value is Words {
  return typeof value === 'object' && value !== null && typeof (value as Words).vi === 'string' && typeof (value as Words).en === 'string';
}

/** A number as the language writes it: 50.000 in Vietnamese, 50,000 in English. */
export function count(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
}

/**
 * The reader's language from an Accept-Language header: the first of vi and en by preference,
 * Vietnamese when neither is named (the product's first language).
 */
export function languageOf(header: string | string[] | undefined): Lang {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = text
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = Number(/q=([\d.]+)/.exec(rest.join(';'))?.[1] ?? 1);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0 && (LANGUAGES as readonly string[]).includes(r.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as Lang | undefined) ?? 'vi';
}

/** The language of a CLI run: `--lang en|vi` wins, then LC_ALL, LC_MESSAGES, LANG (en… → English); Vietnamese otherwise. */
export function cliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined) return v.toLowerCase().startsWith('en') ? 'en' : 'vi';
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'vi';
}
