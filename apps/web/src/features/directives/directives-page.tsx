import type { DirectiveStatus } from '@khien/contracts';
import { Anchor, Badge, Button, Group, Loader, Paper, Select, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { DIRECTIVE_STATUSES } from '../../lib/enums';
import { formatDate } from '../../lib/format-date';
import { useDirectiveLabels } from './directive-labels';
import { directiveKeys, directivesApi, type DirectiveSide } from './directives-api';
import { ProgressLegend, RecipientProgress } from './recipient-progress';
import { DirectiveStatusBadge } from './status-badges';

const LIMIT = 50;

/** The issuer's desk: dispatches issued by my orgs, or received by them, with recipients' progress. */
export function DirectivesPage() {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const { can } = useAuth();
  const navigate = useNavigate();
  const canWrite = can('directive:write');
  const [params, setParams] = useSearchParams();
  const side: DirectiveSide = params.get('side') === 'received' || (!params.get('side') && !canWrite) ? 'received' : 'issued';
  const [status, setStatus] = useState<DirectiveStatus | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = `${side}|${status ?? ''}|${q}`;
  const offset = page.key === key ? page.offset : 0;
  const query = { side, status: status ?? undefined, q: q || undefined, limit: LIMIT, offset };
  const list = useQuery({
    queryKey: directiveKeys.list(query),
    queryFn: ({ signal }) => directivesApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('directives.title')}
        description={t('directives.description')}
        actions={
          canWrite && (
            <>
              <Button onClick={() => void navigate('/directives/new')} data-testid="directive-new">
                {t('directives.actions.compose')}
              </Button>
              <Button onClick={() => void navigate('/directives/import')} variant="light" data-testid="directive-import">
                {t('directives.actions.import')}
              </Button>
            </>
          )
        }
      />
      <Tabs value={side} onChange={(v) => setParams(v === 'received' ? { side: 'received' } : { side: 'issued' }, { replace: true })} mb="sm">
        <Tabs.List>
          <Tabs.Tab value="issued">{t('directives.side.issued')}</Tabs.Tab>
          <Tabs.Tab value="received">{t('directives.side.received')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('directives.search.label')}
          placeholder={t('directives.search.placeholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
          data-testid="directive-search"
        />
        <Select
          label={t('directives.fields.status')}
          placeholder={t('directives.search.anyStatus')}
          data={DIRECTIVE_STATUSES.map((s) => ({ value: s, label: labels.directiveStatus(s) }))}
          value={status}
          onChange={(v) => setStatus((v as DirectiveStatus | null) ?? null)}
          clearable
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Paper withBorder p="xs">
        {list.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Empty title={t('directives.empty')} description={q || status ? t('directives.emptySearchHint') : undefined} />
        ) : (
          <>
            {list.data.items.some((d) => d.status !== 'draft') && <ProgressLegend />}
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="directives-table" aria-label={t('directives.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('directives.fields.number')}</Table.Th>
                    <Table.Th>{t('directives.fields.issuedOn')}</Table.Th>
                    <Table.Th>{t('directives.fields.subject')}</Table.Th>
                    <Table.Th>{t('directives.fields.issuer')}</Table.Th>
                    <Table.Th>{t('directives.fields.status')}</Table.Th>
                    <Table.Th>{t('directives.fields.progress')}</Table.Th>
                    <Table.Th>{t('directives.fields.overdue')}</Table.Th>
                    <Table.Th>{t('directives.fields.dueDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((d) => (
                    <Table.Tr key={d.id} data-testid={`directive-row-${d.id}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.number ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.issuedOn) || '—'}</Table.Td>
                      <Table.Td miw={240} maw={420}>
                        <Anchor component={Link} to={`/directives/${d.id}`} size="sm" lineClamp={2} title={d.subject}>
                          {d.subject}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{d.issuerOrgName}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <DirectiveStatusBadge status={d.status} />
                      </Table.Td>
                      <Table.Td>
                        {d.status === 'draft' ? (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        ) : (
                          <RecipientProgress counts={d.counts} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {d.counts.overdue > 0 ? (
                          <Badge color="red" variant="filled" size="sm">
                            {d.counts.overdue}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            0
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.dueAt) || '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
          </>
        )}
      </Paper>
    </>
  );
}
