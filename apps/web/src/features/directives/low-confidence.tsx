import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectiveDraft } from './editor-model';
import type { ParsedDispatchDraft } from './directives-api';

/**
 * Fields holding words that OCR was unsure of, by a key that survives editing: top-level
 * fields by name ("subject", "signer.name"), a section heading by `section:<key>`, a task by
 * `task:<key>` (the server names them by index; moving a section must not move the warning).
 */
export type FieldFlags = ReadonlyMap<string, readonly string[]>;
export const NO_FLAGS: FieldFlags = new Map();

type LowConfidence = NonNullable<ParsedDispatchDraft['document']>['lowConfidence'];

export function flagsForDraft(low: LowConfidence | undefined, draft: DirectiveDraft): FieldFlags {
  const out = new Map<string, readonly string[]>();
  for (const f of low ?? []) {
    const task = /^sections\.(\d+)\.tasks\.(\d+)\.text$/.exec(f.field);
    const heading = /^sections\.(\d+)\.heading$/.exec(f.field);
    if (task) {
      const key = draft.sections[Number(task[1])]?.tasks[Number(task[2])]?.key;
      if (key) out.set(`task:${key}`, f.words);
    } else if (heading) {
      const key = draft.sections[Number(heading[1])]?.key;
      if (key) out.set(`section:${key}`, f.words);
    } else out.set(f.field, f.words);
  }
  return out;
}

const FLAG_STYLES = {
  input: { borderColor: 'var(--mantine-color-orange-6)', backgroundColor: 'var(--mantine-color-orange-0)' },
} as const;

/** The warning under a flagged field: a colour and a label, not only a colour. */
export function FlagNote({ words }: { words: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="xs" c="orange.9" fw={500} data-testid="low-confidence-note">
      {t('directives.import.lowConfidenceField', { words: words.map((w) => `“${w}”`).join(', ') })}
    </Text>
  );
}

/**
 * Props that mark an input as "check this against the page": an orange field and a label
 * naming the doubtful words, kept together with the input's own description.
 */
export function flagProps(flags: FieldFlags | undefined, id: string, description?: ReactNode) {
  const words = flags?.get(id);
  if (!words) return description === undefined ? {} : { description };
  return {
    description: (
      <>
        {description}
        {description ? <br /> : null}
        <FlagNote words={words} />
      </>
    ),
    styles: FLAG_STYLES,
    'data-low-confidence': 'true',
  };
}
