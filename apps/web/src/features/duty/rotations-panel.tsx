import type { DutyPerson, Rotation } from '@khien/contracts';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { formatDateTime } from '../../lib/format-date';
import { dutyApi } from './duty-api';
import { vnTime } from './duty-model';
import { RotationDialog } from './rotation-dialog';
import { SwapDialog } from './swap-dialog';

function lengthText(t: (k: string, o?: Record<string, unknown>) => string, r: Rotation): string {
  return r.length.kind === 'custom' ? t('duty.rotation.everyHours', { n: r.length.hours }) : t(`duty.rotation.lengths.${r.length.kind}`);
}

function RotationCard({
  rotation,
  canWrite,
  onEdit,
  onSwap,
  onDelete,
}: {
  rotation: Rotation;
  canWrite: boolean;
  onEdit: () => void;
  onSwap: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`rotation-${rotation.id}`}>
      <Stack gap={4}>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {rotation.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t('duty.rotation.summary', { length: lengthText(t, rotation), time: vnTime(rotation.startsAt), from: formatDateTime(rotation.startsAt) })}
        </Text>
        {rotation.window && (
          <Text size="xs" c="dimmed">
            {t('duty.rotation.windowSummary', { from: rotation.window.from, to: rotation.window.to })}
            {rotation.window.weekdays?.length ? ` (${rotation.window.weekdays.map((d) => t(`duty.weekdays.${d}`)).join(', ')})` : ''}
          </Text>
        )}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {rotation.participants.map((p, i) => `${i + 1}. ${p.name}`).join(' → ')}
        </Text>
        {canWrite && (
          <Group gap="xs" mt={4}>
            <Button size="compact-sm" variant="light" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Button size="compact-sm" variant="light" onClick={onSwap} data-testid="rotation-swap">
              {t('duty.swap.action')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete}>
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The org's rotations: who takes turns, in what order, from when. */
export function RotationsPanel({
  orgId,
  rotations,
  people,
  canWrite,
  onChanged,
}: {
  orgId: string;
  rotations: Rotation[];
  people: DutyPerson[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Rotation | 'new' | null>(null);
  const [swapping, setSwapping] = useState<Rotation | null>(null);
  const [deleting, setDeleting] = useState<Rotation | null>(null);
  const remove = useMutation({
    mutationFn: (r: Rotation) => dutyApi.deleteRotation(r.id),
    onSuccess: () => {
      setDeleting(null);
      onChanged();
    },
  });
  return (
    <Stack gap="sm" data-testid="rotations-panel">
      {canWrite && (
        <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }} data-testid="rotation-add">
          {t('duty.rotation.add')}
        </Button>
      )}
      {rotations.length === 0 ? (
        <Empty title={t('duty.rotation.empty')} description={t('duty.rotation.emptyHint')} />
      ) : (
        rotations.map((r) => (
          <RotationCard
            key={r.id}
            rotation={r}
            canWrite={canWrite}
            onEdit={() => setEditing(r)}
            onSwap={() => setSwapping(r)}
            onDelete={() => setDeleting(r)}
          />
        ))
      )}
      {editing && (
        <RotationDialog
          orgId={orgId}
          rotation={editing === 'new' ? null : editing}
          people={people}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      {swapping && (
        <SwapDialog
          rotation={swapping}
          onClose={() => setSwapping(null)}
          onSaved={() => {
            setSwapping(null);
            onChanged();
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('duty.rotation.deleteTitle')}
        message={t('duty.rotation.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
