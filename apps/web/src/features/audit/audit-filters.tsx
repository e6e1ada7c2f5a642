import { Autocomplete, Button, CloseButton, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';

/** The filters as they live in the URL (dates as YYYY-MM-DD, Vietnam calendar days). */
export interface AuditFilterValues {
  from: string;
  to: string;
  action: string;
  entityType: string;
  actor: string;
  entityId: string;
  orgId: string;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  from: '',
  to: '',
  action: '',
  entityType: '',
  actor: '',
  entityId: '',
  orgId: '',
};

/** Suggestions only; the server accepts any value. */
const ENTITY_TYPES = ['org', 'contact', 'user', 'grant', 'api_token', 'session'];

interface AuditFiltersProps {
  value: AuditFilterValues;
  onApply: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilterValues, v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const rangeInvalid = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rangeInvalid) return;
    onApply({
      ...draft,
      action: draft.action.trim(),
      entityType: draft.entityType.trim(),
      actor: draft.actor.trim(),
      entityId: draft.entityId.trim(),
    });
  };

  return (
    <Paper withBorder p="sm" mb="md" component="form" onSubmit={submit} noValidate data-testid="audit-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <DateField label={t('audit.filters.from')} value={draft.from} onChange={(v) => set('from', v)} />
        <DateField
          label={t('audit.filters.to')}
          value={draft.to}
          onChange={(v) => set('to', v)}
          error={rangeInvalid ? t('audit.filters.rangeInvalid') : undefined}
        />
        <TextInput
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.actionPlaceholder')}
          value={draft.action}
          onChange={(e) => set('action', e.currentTarget.value)}
          maxLength={64}
        />
        <Autocomplete
          label={t('audit.filters.entityType')}
          data={ENTITY_TYPES.map((v) => ({ value: v, label: t(`audit.entityTypes.${v}`, { defaultValue: v }) }))}
          value={draft.entityType}
          onChange={(v) => set('entityType', v)}
          maxLength={64}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('audit.filters.actor')}
          placeholder={t('audit.filters.actorPlaceholder')}
          value={draft.actor}
          onChange={(e) => set('actor', e.currentTarget.value)}
          maxLength={100}
        />
        <TextInput label={t('audit.filters.entityId')} value={draft.entityId} onChange={(e) => set('entityId', e.currentTarget.value)} maxLength={64} />
      </SimpleGrid>
      <Group mt="sm" gap="xs">
        <Button type="submit" data-testid="audit-apply">
          {t('audit.filters.apply')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('audit.filters.clear')}
        </Button>
        {draft.orgId && (
          <Group gap={4} wrap="nowrap">
            <TextInput
              size="xs"
              readOnly
              label={t('audit.filters.org')}
              value={draft.orgId}
              w={300}
              rightSection={
                <CloseButton
                  size="sm"
                  aria-label={t('audit.filters.clearOrg')}
                  onClick={() => {
                    const next = { ...draft, orgId: '' };
                    setDraft(next);
                    onApply(next);
                  }}
                />
              }
            />
          </Group>
        )}
      </Group>
    </Paper>
  );
}
