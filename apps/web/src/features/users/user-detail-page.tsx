import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { ResponsiveModal } from '../../components/responsive-modal';
import { SecretReveal } from '../../components/secret-reveal';
import { formatDateTime } from '../../lib/format-date';
import { GrantsPanel } from './grants-panel';
import { UserEditDialog } from './user-edit-dialog';
import { UserStatus } from './user-status';
import { userKeys, usersApi, type UserWithPassword } from './users-api';
import type { User } from '@khien/contracts';

type Dialog = 'edit' | 'reset' | 'toggle' | 'totp' | 'sessions' | null;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can, me } = useAuth();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reset, setReset] = useState<UserWithPassword | null>(null);
  const user = useQuery({ queryKey: userKeys.detail(id), queryFn: () => usersApi.get(id) });

  const resetPassword = useMutation({
    mutationFn: () => usersApi.resetPassword(id),
    onSuccess: (result) => {
      queryClient.setQueryData(userKeys.detail(id), result.user);
      setDialog(null);
      setReset(result);
    },
  });
  const updated = (u: User) => {
    queryClient.setQueryData(userKeys.detail(id), u);
    setDialog(null);
  };
  const resetTotp = useMutation({ mutationFn: () => usersApi.resetTotp(id), onSuccess: updated });
  const endSessions = useMutation({ mutationFn: () => usersApi.endSessions(id), onSuccess: updated });
  const toggle = useMutation({
    mutationFn: (disabled: boolean) => usersApi.update(id, { disabled }),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      setDialog(null);
    },
  });

  if (user.isPending) return <Loader aria-label={t('common.loading')} />;
  if (user.isError) {
    return (
      <Stack>
        <ErrorAlert error={user.error} />
        <Anchor component={Link} to="/users">
          {t('users.backToList')}
        </Anchor>
      </Stack>
    );
  }
  const u = user.data;
  // the server refuses acting on someone who outranks the caller; the buttons follow its answer
  const canWrite = can('user:write') && u.canManage;
  const isSelf = me?.id === u.id;

  return (
    <div data-testid="user-detail" data-user-id={u.id}>
      <Anchor component={Link} to="/users" size="sm">
        ‹ {t('users.backToList')}
      </Anchor>
      <PageHeader
        title={u.fullName}
        description={<UserStatus user={u} />}
        actions={
          canWrite && (
            <>
              <Button size="sm" variant="default" onClick={() => setDialog('edit')}>
                {t('users.edit.button')}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => {
                  resetPassword.reset();
                  setDialog('reset');
                }}
              >
                {t('users.reset.button')}
              </Button>
              {u.totpEnabled && (
                <Button
                  size="sm"
                  variant="default"
                  onClick={() => {
                    resetTotp.reset();
                    setDialog('totp');
                  }}
                >
                  {t('users.resetTotp.button')}
                </Button>
              )}
              {!isSelf && (
                <Button
                  size="sm"
                  variant="default"
                  onClick={() => {
                    endSessions.reset();
                    setDialog('sessions');
                  }}
                >
                  {t('users.endSessions.button')}
                </Button>
              )}
              {!isSelf && (
                <Button
                  size="sm"
                  variant="light"
                  color={u.disabled ? 'teal' : 'red'}
                  onClick={() => {
                    toggle.reset();
                    setDialog('toggle');
                  }}
                >
                  {u.disabled ? t('users.enable.button') : t('users.disable.button')}
                </Button>
              )}
            </>
          )
        }
      />
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Field label={t('users.fields.email')}>{u.email}</Field>
            <Field label={t('users.fields.phone')}>{u.phone ?? '—'}</Field>
            <Field label={t('users.fields.homeOrg')}>
              <Anchor component={Link} to={`/orgs/${u.homeOrgId}`} size="sm">
                {u.homeOrgName}
              </Anchor>
            </Field>
            <Field label={t('users.fields.createdAt')}>{formatDateTime(u.createdAt)}</Field>
            <Field label={t('users.fields.totp')}>{u.totpEnabled ? t('common.yes') : t('common.no')}</Field>
            <Field label={t('users.fields.lockedUntil')}>{u.lockedUntil ? formatDateTime(u.lockedUntil) : '—'}</Field>
          </SimpleGrid>
        </Paper>
        <GrantsPanel user={u} canWrite={can('grant:write') && u.canManage} />
        {can('audit:read') && (
          <Anchor component={Link} to={`/audit?entityId=${u.id}`} size="sm">
            {t('users.auditLink')}
          </Anchor>
        )}
      </Stack>
      <UserEditDialog user={u} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'reset'}
        title={t('users.reset.title')}
        message={t('users.reset.confirm', { name: u.fullName })}
        confirmLabel={t('users.reset.submit')}
        loading={resetPassword.isPending}
        error={resetPassword.error}
        onConfirm={() => resetPassword.mutate()}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog === 'totp'}
        title={t('users.resetTotp.title')}
        message={t('users.resetTotp.confirm', { name: u.fullName })}
        confirmLabel={t('users.resetTotp.submit')}
        danger
        loading={resetTotp.isPending}
        error={resetTotp.error}
        onConfirm={() => resetTotp.mutate()}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog === 'sessions'}
        title={t('users.endSessions.title')}
        message={t('users.endSessions.confirm', { name: u.fullName })}
        confirmLabel={t('users.endSessions.submit')}
        loading={endSessions.isPending}
        error={endSessions.error}
        onConfirm={() => endSessions.mutate()}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog === 'toggle'}
        title={u.disabled ? t('users.enable.title') : t('users.disable.title')}
        message={u.disabled ? t('users.enable.confirm', { name: u.fullName }) : t('users.disable.confirm', { name: u.fullName })}
        confirmLabel={u.disabled ? t('users.enable.button') : t('users.disable.button')}
        danger={!u.disabled}
        loading={toggle.isPending}
        error={toggle.error}
        onConfirm={() => toggle.mutate(!u.disabled)}
        onClose={() => setDialog(null)}
      />
      <ResponsiveModal opened={reset !== null} onClose={() => setReset(null)} title={t('users.reset.doneTitle')}>
        {reset && (
          <Stack>
            <SecretReveal
              label={t('users.temporaryPassword')}
              value={reset.temporaryPassword}
              warning={t('users.temporaryPasswordWarning', { email: reset.user.email })}
              testId="temporary-password"
            />
            <Group justify="flex-end">
              <Button onClick={() => setReset(null)}>{t('common.close')}</Button>
            </Group>
          </Stack>
        )}
      </ResponsiveModal>
    </div>
  );
}
