import { Anchor, Badge, Button, Group, Loader, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useLabels } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { OrgPicker, type PickedOrg } from '../orgs';
import { UserCreateDialog } from './user-create-dialog';
import { UserStatus } from './user-status';
import { userKeys, usersApi } from './users-api';

const LIMIT = 50;

export function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useAuth();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const [creating, setCreating] = useState(false);
  const key = `${q}|${org?.id ?? ''}`;
  const offset = page.key === key ? page.offset : 0;
  const query = { q: q || undefined, orgId: org?.id, limit: LIMIT, offset };
  const users = useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => usersApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can('user:write') && (
            <Button onClick={() => setCreating(true)} data-testid="user-create">
              {t('users.create.button')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('users.search.label')}
          placeholder={t('users.search.placeholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
          data-testid="user-search"
        />
        <div style={{ flex: '1 1 16rem' }}>
          <OrgPicker label={t('users.search.org')} value={org} onChange={setOrg} placeholder={t('users.search.anyOrg')} />
        </div>
      </Group>
      <Paper withBorder p="xs">
        {users.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : users.isError ? (
          <ErrorAlert error={users.error} />
        ) : users.data.items.length === 0 ? (
          <Empty title={t('users.empty')} description={q || org ? t('users.emptySearchHint') : undefined} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover data-testid="users-table" aria-label={t('users.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.fields.fullName')}</Table.Th>
                    <Table.Th>{t('users.fields.email')}</Table.Th>
                    <Table.Th>{t('users.fields.homeOrg')}</Table.Th>
                    <Table.Th>{t('users.fields.roles')}</Table.Th>
                    <Table.Th>{t('users.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.items.map((u) => (
                    <Table.Tr key={u.id} data-testid={`user-row-${u.id}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/users/${u.id}`} size="sm">
                          {u.fullName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ wordBreak: 'break-all' }}>
                          {u.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{u.homeOrgName}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {u.grants.map((g) => (
                            <Badge key={g.id} size="sm" variant="light" title={g.orgName ?? t('users.grants.allOrgs')}>
                              {labels.role(g.role)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <UserStatus user={u} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={users.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
          </>
        )}
      </Paper>
      <UserCreateDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
