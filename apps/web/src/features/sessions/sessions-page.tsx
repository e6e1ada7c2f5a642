import type { Session } from '@khien/contracts';
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format-date';
import { describeAgent } from './describe-agent';
import { sessionKeys, sessionsApi } from './sessions-api';

function SessionCard({ session, onRevoke }: { session: Session; onRevoke: () => void }) {
  const { t } = useTranslation();
  const agent = describeAgent(session.userAgent);
  const device =
    agent.browser && agent.os ? t('sessions.device', { browser: agent.browser, os: agent.os }) : (agent.browser ?? agent.os ?? t('sessions.unknownDevice'));
  return (
    <Card withBorder padding="md" data-testid={`session-${session.id}`} data-current={session.current}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{device}</Text>
          {session.current && (
            <Badge color="teal" data-testid="session-current">
              {t('sessions.current')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('sessions.ip', { ip: session.ip ?? t('sessions.unknownIp') })}</Text>
        <Text size="sm" c="dimmed">
          {t('sessions.createdAt', { at: formatDateTime(session.createdAt) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('sessions.lastSeenAt', { at: formatDateTime(session.lastSeenAt) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('sessions.expiresAt', { at: formatDateTime(session.expiresAt) })}
        </Text>
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={onRevoke}
            aria-label={session.current ? t('sessions.revokeCurrent') : t('sessions.revokeNamed', { device })}
          >
            {session.current ? t('sessions.revokeCurrent') : t('sessions.revoke')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function SessionsPage() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<Session | null>(null);
  const sessions = useQuery({ queryKey: sessionKeys.all, queryFn: sessionsApi.list });
  const revoke = useMutation({
    mutationFn: (s: Session) => sessionsApi.revoke(s.id),
    onSuccess: async (_ok, s) => {
      setRevoking(null);
      if (s.current) await signOut();
      else await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });

  const items = [...(sessions.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} />
      {sessions.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} />
      ) : items.length === 0 ? (
        <Empty title={t('sessions.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="sessions-list">
          {items.map((s) => (
            <SessionCard
              key={s.id}
              session={s}
              onRevoke={() => {
                revoke.reset();
                setRevoking(s);
              }}
            />
          ))}
        </SimpleGrid>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('sessions.revokeTitle')}
        message={revoking?.current ? t('sessions.revokeCurrentConfirm') : t('sessions.revokeConfirm')}
        confirmLabel={revoking?.current ? t('sessions.revokeCurrent') : t('sessions.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
