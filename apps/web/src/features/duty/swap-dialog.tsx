import type { Rotation, Shift } from '@khien/contracts';
import { Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { formatDateTime } from '../../lib/format-date';
import { dutyApi, dutyKeys } from './duty-api';
import { upcomingRange } from './duty-model';

/** Two shifts of one rotation trade people (stored as two overrides): picked from the next four weeks. */
export function SwapDialog({ rotation, onClose, onSaved }: { rotation: Rotation; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [range] = useState(() => upcomingRange(Date.now(), 28));
  const calendar = useQuery({
    queryKey: dutyKeys.calendar(rotation.orgId, range.from, range.to),
    queryFn: ({ signal }) => dutyApi.calendar(rotation.orgId, range.from, range.to, signal),
  });
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const swap = useMutation({
    mutationFn: () => dutyApi.swap(rotation.id, { shiftA: Number(a), shiftB: Number(b), reason: reason.trim() }),
    onSuccess: onSaved,
  });
  const shifts = (calendar.data?.shifts ?? []).filter((s) => s.rotationId === rotation.id);
  const byIndex = new Map(shifts.map((s) => [String(s.index), s]));
  const option = (s: Shift) => ({ value: String(s.index), label: `${formatDateTime(s.start)} – ${s.userName}` });
  const sa = a ? byIndex.get(a) : undefined;
  const sb = b ? byIndex.get(b) : undefined;
  const samePerson = sa && sb && sa.userId === sb.userId;
  return (
    <ResponsiveModal opened onClose={onClose} title={t('duty.swap.title', { name: rotation.name })} size="md">
      <Stack>
        {calendar.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : calendar.isError ? (
          <ErrorAlert error={calendar.error} />
        ) : (
          <>
            <Select label={t('duty.swap.shiftA')} data={shifts.map(option)} value={a} onChange={setA} searchable data-testid="swap-a" />
            <Select
              label={t('duty.swap.shiftB')}
              data={shifts.filter((s) => String(s.index) !== a).map(option)}
              value={b}
              onChange={setB}
              searchable
              data-testid="swap-b"
            />
            {sa && sb && (
              <Text size="sm" c={samePerson ? 'red.7' : undefined}>
                {samePerson
                  ? t('duty.swap.samePerson')
                  : t('duty.swap.preview', { a: sb.userName, at: formatDateTime(sa.start), b: sa.userName, at2: formatDateTime(sb.start) })}
              </Text>
            )}
            <TextInput label={t('duty.swap.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
          </>
        )}
        <ErrorAlert error={swap.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!sa || !sb || Boolean(samePerson)} loading={swap.isPending} onClick={() => swap.mutate()} data-testid="swap-save">
            {t('duty.swap.confirm')}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
