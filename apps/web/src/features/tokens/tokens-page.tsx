import type { ApiToken } from '@khien/contracts';
import { Badge, Button, Code, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { useLabels } from '../../components/labels';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { TokenCreateDialog } from './token-create-dialog';
import { tokenKeys, tokensApi } from './tokens-api';

function TokenState({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const now = useNow();
  if (token.revokedAt) return <Badge color="gray">{t('tokens.state.revoked')}</Badge>;
  if (new Date(token.expiresAt).getTime() <= now) return <Badge color="orange">{t('tokens.state.expired')}</Badge>;
  return <Badge color="teal">{t('tokens.state.active')}</Badge>;
}

export function TokensPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useQuery({ queryKey: tokenKeys.all, queryFn: tokensApi.list });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => tokensApi.revoke(token.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all });
      setRevoking(null);
    },
  });

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={
          <Button onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create.button')}
          </Button>
        }
      />
      <Paper withBorder p="xs">
        {tokens.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} />
        ) : tokens.data.items.length === 0 ? (
          <Empty title={t('tokens.empty')} description={t('tokens.emptyHint')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="tokens-table" aria-label={t('tokens.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.fields.name')}</Table.Th>
                  <Table.Th>{t('tokens.fields.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.fields.org')}</Table.Th>
                  <Table.Th>{t('tokens.fields.permissions')}</Table.Th>
                  <Table.Th>{t('tokens.fields.createdAt')}</Table.Th>
                  <Table.Th>{t('tokens.fields.expiresAt')}</Table.Th>
                  <Table.Th>{t('tokens.fields.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('tokens.fields.state')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((tok) => (
                  <Table.Tr key={tok.id} data-testid={`token-row-${tok.id}`}>
                    <Table.Td>{tok.name}</Table.Td>
                    <Table.Td>
                      <Code>{tok.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{tok.orgName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {tok.permissions.map((p) => (
                          <Badge key={p} size="xs" variant="light">
                            {labels.permission(p)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDateTime(tok.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(tok.expiresAt)}</Table.Td>
                    <Table.Td>
                      {tok.lastUsedAt ? (
                        formatDateTime(tok.lastUsedAt)
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('tokens.neverUsed')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TokenState token={tok} />
                    </Table.Td>
                    <Table.Td>
                      {!tok.revokedAt && (
                        <Button
                          size="compact-xs"
                          color="red"
                          variant="subtle"
                          onClick={() => {
                            revoke.reset();
                            setRevoking(tok);
                          }}
                          aria-label={t('tokens.revokeNamed', { name: tok.name })}
                        >
                          {t('tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <TokenCreateDialog opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
