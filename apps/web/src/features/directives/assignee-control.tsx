import type { Assignment } from '@khien/contracts';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../components/responsive-modal';
import { assignmentKeys, assignmentsApi } from './directives-api';
import { MutationError } from './mutation-error';

interface AssigneeControlProps {
  assignment: Assignment;
  canAssign: boolean;
  onDone: (next: Assignment) => void;
  onReload: () => void;
}

function AssignForm({ assignment: a, onDone, onClose, onReload }: Omit<AssigneeControlProps, 'canAssign'> & { onClose: () => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(a.assigneeUserId);
  const users = useQuery({ queryKey: assignmentKeys.orgUsers(a.orgId), queryFn: () => assignmentsApi.orgUsers(a.orgId) });
  const assign = useMutation({
    mutationFn: (id: string | null) => assignmentsApi.assign(a.id, id, a.version),
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
  });
  const options = (users.data?.items ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.fullName }));
  if (a.assigneeUserId && a.assigneeName && !options.some((o) => o.value === a.assigneeUserId))
    options.unshift({ value: a.assigneeUserId, label: a.assigneeName });
  return (
    <Stack>
      <Select
        label={t('assignments.assign.officer')}
        description={t('assignments.assign.hint', { org: a.orgName })}
        data={options}
        value={userId}
        onChange={setUserId}
        searchable
        nothingFoundMessage={users.isFetching ? t('common.loading') : t('assignments.assign.noUsers')}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <MutationError error={users.error ?? assign.error} onReload={onReload} />
      <Group justify="space-between">
        {a.assigneeUserId ? (
          <Button variant="subtle" color="red" onClick={() => assign.mutate(null)} loading={assign.isPending && assign.variables === null}>
            {t('assignments.assign.unassign')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => assign.mutate(userId)}
            disabled={!userId || userId === a.assigneeUserId}
            loading={assign.isPending && assign.variables !== null}
          >
            {t('assignments.assign.submit')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** Who in the recipient org carries the assignment out, and "Giao cho cán bộ" to change it. */
export function AssigneeControl({ assignment: a, canAssign, onDone, onReload }: AssigneeControlProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm">
        {t('assignments.fields.assignee')}:{' '}
        <Text span fw={600} data-testid="assignee-name">
          {a.assigneeName ?? t('assignments.assign.nobody')}
        </Text>
      </Text>
      {canAssign && (
        <Button size="xs" variant="light" onClick={() => setOpen(true)} style={{ flexShrink: 0 }}>
          {t('assignments.assign.button')}
        </Button>
      )}
      <ResponsiveModal opened={open} onClose={() => setOpen(false)} title={t('assignments.assign.title')} size="md">
        {open && <AssignForm assignment={a} onDone={onDone} onClose={() => setOpen(false)} onReload={onReload} />}
      </ResponsiveModal>
    </Group>
  );
}
