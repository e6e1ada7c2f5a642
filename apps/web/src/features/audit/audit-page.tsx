import type { AuditEntry } from '@khien/contracts';
import { ActionIcon, Code, Loader, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ChevronIcon } from '../../components/icons';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { endOfDayVn, formatDateTime, startOfDayVn } from '../../lib/format-date';
import { auditApi, auditKeys, type AuditQuery } from './audit-api';
import { AuditChanges } from './audit-changes';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditFilters, EMPTY_FILTERS, type AuditFilterValues } from './audit-filters';
import { actionWords, actorWords, entityTypeWords } from './audit-words';

const LIMIT = 50;
const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof AuditFilterValues)[];

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const changed = Object.keys(entry.changes).length;
  const actor = actorWords(t, entry);
  const action = actionWords(t, entry.action);
  const entityType = entityTypeWords(t, entry.entityType);
  return (
    <Fragment>
      <Table.Tr data-testid={`audit-row-${entry.seq}`} data-action={entry.action} data-entity-type={entry.entityType}>
        <Table.Td w={40}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={open ? t('audit.collapse', { seq: entry.seq }) : t('audit.expand', { seq: entry.seq })}
          >
            <ChevronIcon open={open} />
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
        <Table.Td data-testid="audit-actor" data-actor-kind={entry.actorKind}>
          <Text size="sm">{actor.name}</Text>
          {actor.detail && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {actor.detail}
            </Text>
          )}
        </Table.Td>
        <Table.Td data-testid="audit-action">
          <Text size="sm">{action.text}</Text>
          {!action.known && <Code fz="xs">{entry.action}</Code>}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entityType.text}</Text>
          {!entityType.known && <Code fz="xs">{entry.entityType}</Code>}
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={changed ? undefined : 'dimmed'}>
            {t('audit.changedFields', { n: changed })}
          </Text>
        </Table.Td>
        <Table.Td>{entry.ip ?? '—'}</Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={7} bg="gray.0">
            <AuditChanges entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function toQuery(f: AuditFilterValues, offset: number): AuditQuery {
  return {
    from: f.from ? startOfDayVn(f.from) : undefined,
    to: f.to ? endOfDayVn(f.to) : undefined,
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    entityId: f.entityId || undefined,
    actor: f.actor || undefined,
    orgId: f.orgId || undefined,
    limit: LIMIT,
    offset,
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const query = toQuery(filters, offset);
  const audit = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => auditApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const apply = (f: AuditFilterValues, nextOffset = 0) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (f[key]) next.set(key, f[key]);
    if (nextOffset) next.set('offset', String(nextOffset));
    setParams(next);
  };
  const filterKey = FILTER_KEYS.map((k) => filters[k]).join('|');

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditCheckpoints />
      <AuditFilters key={filterKey} value={filters} onApply={(f) => apply(f)} />
      <Paper withBorder p="xs">
        {audit.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : audit.isError ? (
          <ErrorAlert error={audit.error} />
        ) : audit.data.items.length === 0 ? (
          <Empty title={t('audit.empty')} description={t('audit.emptyHint')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table data-testid="audit-table" aria-label={t('audit.tableLabel')} aria-busy={audit.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <VisuallyHidden>{t('audit.columns.expand')}</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>{t('audit.columns.at')}</Table.Th>
                    <Table.Th>{t('audit.columns.actor')}</Table.Th>
                    <Table.Th>{t('audit.columns.action')}</Table.Th>
                    <Table.Th>{t('audit.columns.entityType')}</Table.Th>
                    <Table.Th>{t('audit.columns.changes')}</Table.Th>
                    <Table.Th>{t('audit.columns.ip')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {audit.data.items.map((entry) => (
                    <AuditRow key={entry.seq} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={audit.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => apply(filters, o)} />
          </>
        )}
      </Paper>
    </>
  );
}
