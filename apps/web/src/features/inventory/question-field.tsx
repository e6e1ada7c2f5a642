import type { CriterionQuestion } from '@khien/contracts';
import { Checkbox, Group, NumberInput, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MarkBadge } from './badges';
import { useInventoryLabels } from './inventory-labels';
import type { AnswerValue, RecordField } from './wizard-model';

interface QuestionFieldProps {
  q: CriterionQuestion;
  position: number;
  value: AnswerValue | undefined;
  /** the record's fields this answer was taken from, until the person changes it */
  prefilledFrom?: RecordField[] | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** One question of the pack, answered with radios, checkboxes, yes/no or a number. */
export function QuestionField({ q, position, value, prefilledFrom, onChange }: QuestionFieldProps) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const hint = (minLevel: number | undefined) => (minLevel !== undefined ? t('inventory.wizard.atLeast', { n: minLevel }) : undefined);
  const labelId = `q-${q.id}-label`;
  const optionDescription = (o: NonNullable<CriterionQuestion['options']>[number]) =>
    [o.help ? labels.text(o.help) : null, hint(o.minLevel)].filter(Boolean).join(' · ') || undefined;

  let input: React.ReactNode;
  switch (q.kind) {
    case 'single':
      input = (
        <Radio.Group value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} aria-labelledby={labelId}>
          <Stack gap={8} mt={4}>
            {(q.options ?? []).map((o) => (
              <Radio key={o.id} value={o.id} label={labels.text(o.text)} description={optionDescription(o)} />
            ))}
          </Stack>
        </Radio.Group>
      );
      break;
    case 'multi':
      input = (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v.length ? v : undefined)} aria-labelledby={labelId}>
          <Stack gap={8} mt={4}>
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.id} value={o.id} label={labels.text(o.text)} description={optionDescription(o)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
      break;
    case 'boolean': {
      const byId = new Map((q.options ?? []).map((o) => [o.id, o]));
      input = (
        <Radio.Group value={typeof value === 'boolean' ? (value ? 'yes' : 'no') : null} onChange={(v) => onChange(v === 'yes')} aria-labelledby={labelId}>
          <Group gap="xl" mt={4}>
            <Radio value="yes" label={t('common.yes')} description={hint(byId.get('yes')?.minLevel)} />
            <Radio value="no" label={t('common.no')} description={hint(byId.get('no')?.minLevel)} />
          </Group>
        </Radio.Group>
      );
      break;
    }
    case 'number':
      input = (
        <NumberInput
          aria-labelledby={labelId}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          min={q.min}
          max={q.max}
          allowNegative={q.min === undefined || q.min < 0}
          thousandSeparator="."
          decimalSeparator=","
          maw={260}
          mt={4}
        />
      );
      break;
  }

  const answered = value !== undefined;
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`question-${q.id}`} data-kind={q.kind} data-answered={answered} data-prefilled={Boolean(prefilledFrom)}>
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
          <Text fw={600} size="sm" id={labelId}>
            {position}. {labels.text(q.text)}
          </Text>
          <MarkBadge mark={q.mark} />
        </Group>
        {q.help && (
          <Text size="xs" c="dimmed">
            {labels.text(q.help)}
          </Text>
        )}
        {input}
        {prefilledFrom && (
          <Text size="xs" c="blue.8" data-testid="question-prefilled">
            {t('inventory.wizard.prefilled', { fields: prefilledFrom.map((f) => t(`inventory.fields.${f}`)).join(', ') })}
          </Text>
        )}
        {q.source && (
          <Text size="xs" c="dimmed">
            {t('inventory.wizard.source', { source: q.source })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
