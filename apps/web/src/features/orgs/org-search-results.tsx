import type { OrgKind } from '@khien/contracts';
import { Anchor, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Pager } from '../../components/pager';
import { KindBadge } from './kind-badge';
import { orgKeys, orgsApi } from './orgs-api';

const LIMIT = 50;

interface OrgSearchResultsProps {
  q: string;
  kind: OrgKind | null;
}

/** A flat, paged list of matching orgs; matching happens on the server, diacritics ignored. */
export function OrgSearchResults({ q, kind }: OrgSearchResultsProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = `${q}|${kind ?? ''}`;
  // A new search starts again at the first page.
  const offset = page.key === key ? page.offset : 0;
  const query = { q: q || undefined, kind: kind ?? undefined, limit: LIMIT, offset };
  const results = useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => orgsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  if (results.isPending) return <Loader aria-label={t('common.loading')} />;
  if (results.isError) return <ErrorAlert error={results.error} />;
  if (results.data.items.length === 0) {
    return <Empty title={t('orgs.search.noResults')} description={t('orgs.search.noResultsHint')} />;
  }
  return (
    <Stack gap={0} data-testid="org-search-results" aria-busy={results.isFetching}>
      {results.data.items.map((org) => (
        <Paper key={org.id} px="xs" py={6} radius={0} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Group gap={6} wrap="wrap" data-testid={`org-result-${org.id}`}>
            <Anchor component={Link} to={`/orgs/${org.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {org.label ?? org.name}
            </Anchor>
            <KindBadge kind={org.kind} />
            {org.adminCode && (
              <Text size="xs" c="dimmed">
                {t('orgs.fields.adminCodeShort', { code: org.adminCode })}
              </Text>
            )}
          </Group>
        </Paper>
      ))}
      <Pager total={results.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
    </Stack>
  );
}
