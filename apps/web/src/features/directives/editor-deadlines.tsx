import { Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import type { DirectiveDraft } from './editor-model';

interface EditorDeadlinesProps {
  draft: DirectiveDraft;
  set: (patch: Partial<DirectiveDraft>) => void;
  error: (path: string) => string | undefined;
}

/** "Thời hạn": the heightened-alert period, the report deadline and how soon recipients with units relay it. */
export function EditorDeadlines({ draft: d, set, error }: EditorDeadlinesProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('directives.editor.deadlines')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField label={t('directives.fields.alertStart')} value={d.alertStart} onChange={(v) => set({ alertStart: v })} error={error('alertStart')} />
          <DateField label={t('directives.fields.alertEnd')} value={d.alertEnd} onChange={(v) => set({ alertEnd: v })} error={error('alertEnd')} />
          <DateField label={t('directives.fields.dueDate')} value={d.dueDate} onChange={(v) => set({ dueDate: v })} error={error('dueAt')} />
        </SimpleGrid>
        <TextInput
          label={t('directives.editor.relayWithinDays')}
          description={t('directives.editor.relayWithinDaysHint')}
          inputMode="numeric"
          value={d.relayWithinDays}
          onChange={(e) => set({ relayWithinDays: e.currentTarget.value })}
          error={error('relayWithinDays')}
          maxLength={3}
          maw={320}
          data-testid="relay-within-days"
        />
        <Text size="xs" c="dimmed">
          {t('directives.editor.deadlinesHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
