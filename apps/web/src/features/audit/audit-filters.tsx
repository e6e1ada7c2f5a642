import { Button, CloseButton, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { actionWords, entityTypeWords, knownCodes } from './audit-words';

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

/** The choices: every code the translations name (audit-words.test.ts on the server keeps them complete), and the current one if it is not among them. */
function useCodeChoices(prefix: 'audit.actions' | 'audit.entityTypes', current: string) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const codes = knownCodes(t(prefix, { returnObjects: true }));
    if (current && !codes.includes(current)) codes.push(current);
    const words = prefix === 'audit.actions' ? actionWords : entityTypeWords;
    return codes.map((code) => ({ value: code, label: words(t, code).text })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
    // the language is what the labels change with
  }, [t, i18n.language, prefix, current]);
}

interface AuditFiltersProps {
  value: AuditFilterValues;
  onApply: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilterValues, v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const rangeInvalid = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const actions = useCodeChoices('audit.actions', draft.action);
  const entityTypes = useCodeChoices('audit.entityTypes', draft.entityType);

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
        <Select
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.actionPlaceholder')}
          data={actions}
          value={draft.action || null}
          onChange={(v) => set('action', v ?? '')}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="audit-filter-action"
        />
        <Select
          label={t('audit.filters.entityType')}
          placeholder={t('audit.filters.entityTypePlaceholder')}
          data={entityTypes}
          value={draft.entityType || null}
          onChange={(v) => set('entityType', v ?? '')}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="audit-filter-entity-type"
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
