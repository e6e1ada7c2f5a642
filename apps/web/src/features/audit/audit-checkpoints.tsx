import type { AuditCheckpoint } from '@khien/contracts';
import { Anchor, Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { auditApi, auditKeys } from './audit-api';

const SHOWN = 5;

function CheckpointRow({ cp }: { cp: AuditCheckpoint }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={`audit-checkpoint-${cp.id}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(cp.at)}</Table.Td>
      <Table.Td>{cp.rowCount.toLocaleString('vi-VN')}</Table.Td>
      <Table.Td>{cp.headSeq}</Table.Td>
      <Table.Td>
        <Code title={cp.headHash}>{cp.headHash.slice(0, 12)}…</Code>
      </Table.Td>
      <Table.Td>
        <Code>{cp.keyId}</Code>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={cp.reason === 'interval' ? 'gray' : 'blue'}>
          {t(`audit.checkpoints.reasons.${cp.reason}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Anchor
          href={auditApi.checkpointFileUrl(cp.id)}
          download={`khien-audit-checkpoint-${cp.headSeq}.json`}
          size="sm"
          aria-label={t('audit.checkpoints.downloadLabel', { seq: cp.headSeq })}
        >
          {t('audit.checkpoints.download')}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The newest signed checkpoints of the chain's head, for readers of the whole installation.
 * Others get 404 from the API and see nothing here: a commune's auditor has no checkpoints.
 */
export function AuditCheckpoints() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: auditKeys.checkpoints(SHOWN), queryFn: ({ signal }) => auditApi.checkpoints(SHOWN, signal) });
  const create = useMutation({
    mutationFn: auditApi.createCheckpoint,
    onSuccess: async (cp) => {
      notifications.show({ color: 'teal', message: t('audit.checkpoints.created', { seq: cp.headSeq }) });
      // the audit list too: creating a checkpoint writes an audit row
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });

  if (list.isError && isApiError(list.error) && list.error.status === 404) return null;
  return (
    <Paper withBorder p="sm" mb="md" data-testid="audit-checkpoints">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={3} size="h4">
            {t('audit.checkpoints.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {/* the command is a command: set as code, in either language */}
            <Trans i18nKey="audit.checkpoints.description" components={{ code: <Code /> }} />
          </Text>
        </Stack>
        <Button onClick={() => create.mutate()} loading={create.isPending} disabled={list.isPending} data-testid="audit-checkpoint-create">
          {t('audit.checkpoints.create')}
        </Button>
      </Group>
      {create.isError && <ErrorAlert error={create.error} />}
      {list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t('audit.checkpoints.empty')} description={t('audit.checkpoints.emptyHint')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={680}>
            <Table data-testid="audit-checkpoints-table" aria-label={t('audit.checkpoints.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.checkpoints.columns.at')}</Table.Th>
                  <Table.Th>{t('audit.checkpoints.columns.rowCount')}</Table.Th>
                  <Table.Th>{t('audit.checkpoints.columns.headSeq')}</Table.Th>
                  <Table.Th>{t('audit.checkpoints.columns.headHash')}</Table.Th>
                  <Table.Th>{t('audit.checkpoints.columns.keyId')}</Table.Th>
                  <Table.Th>{t('audit.checkpoints.columns.reason')}</Table.Th>
                  <Table.Th>{t('audit.checkpoints.columns.file')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((cp) => (
                  <CheckpointRow key={cp.id} cp={cp} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > list.data.items.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('audit.checkpoints.shown', { shown: list.data.items.length, total: list.data.total })}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
