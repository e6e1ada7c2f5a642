import type { Grant, Role, User } from '@khien/contracts';
import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { useLabels } from '../../components/labels';
import { ROLES } from '../../lib/enums';
import { OrgPicker, type PickedOrg } from '../orgs';
import { userKeys, usersApi } from './users-api';

interface GrantsPanelProps {
  user: User;
  canWrite: boolean;
}

function AddGrantForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role | null>(null);
  const [org, setOrg] = useState<PickedOrg | null>(null);
  // Only a system administrator's grant may cover everything (orgId null).
  const orgOptional = role === 'system_admin';
  const add = useMutation({
    mutationFn: () => usersApi.addGrant(user.id, role as Role, org?.id ?? null),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      setRole(null);
      setOrg(null);
    },
  });
  const server = fieldErrorsOf(add.error);
  const ready = role !== null && (org !== null || orgOptional);
  return (
    <Stack gap="sm" data-testid="grant-add-form">
      <Text fw={500} size="sm">
        {t('users.grants.addTitle')}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label={t('users.grants.role')}
          placeholder={t('users.grants.rolePlaceholder')}
          data={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          error={server.role}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: '1 1 14rem' }}
        />
        <div style={{ flex: '2 1 16rem' }}>
          <OrgPicker
            label={t('users.grants.org')}
            description={orgOptional ? t('users.grants.orgOptional') : t('users.grants.orgHint')}
            value={org}
            onChange={setOrg}
            error={server.orgId}
            required={!orgOptional}
            testId="grant-org"
          />
        </div>
      </Group>
      <ErrorAlert error={add.error} />
      <Group>
        <Button disabled={!ready} loading={add.isPending} onClick={() => add.mutate()} data-testid="grant-add">
          {t('users.grants.add')}
        </Button>
      </Group>
    </Stack>
  );
}

export function GrantsPanel({ user, canWrite }: GrantsPanelProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Grant | null>(null);
  const remove = useMutation({
    mutationFn: (g: Grant) => usersApi.removeGrant(user.id, g.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      setRemoving(null);
    },
  });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('users.grants.title')}
        </Title>
        {user.grants.length === 0 ? (
          <Empty title={t('users.grants.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table data-testid="grants-table" aria-label={t('users.grants.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.grants.role')}</Table.Th>
                  <Table.Th>{t('users.grants.org')}</Table.Th>
                  {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {user.grants.map((g) => (
                  <Table.Tr key={g.id} data-testid={`grant-row-${g.id}`}>
                    <Table.Td>{labels.role(g.role)}</Table.Td>
                    <Table.Td>{g.orgName ?? t('users.grants.allOrgs')}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            remove.reset();
                            setRemoving(g);
                          }}
                          aria-label={t('users.grants.removeNamed', {
                            role: labels.role(g.role),
                            org: g.orgName ?? t('users.grants.allOrgs'),
                          })}
                        >
                          {t('users.grants.remove')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canWrite && <AddGrantForm user={user} />}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('users.grants.removeTitle')}
        message={
          removing
            ? t('users.grants.removeConfirm', {
                role: labels.role(removing.role),
                org: removing.orgName ?? t('users.grants.allOrgs'),
              })
            : ''
        }
        confirmLabel={t('users.grants.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
