import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../lib/format-date';
import { inventoryApi, usePackChoice, useRefreshInventory } from './inventory-api';
import { InventoryError } from './inventory-error';
import { useInventoryLabels } from './inventory-labels';

/** The regulation pack in force at this org, and for regulation:choose holders the control to change it. */
export function PackChoiceCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const { can } = useAuth();
  const refresh = useRefreshInventory();
  const choice = usePackChoice(orgId);
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (packId: string) => inventoryApi.choosePack(orgId, packId),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  if (choice.isPending) return null;
  if (choice.isError) return <ErrorAlert error={choice.error} />;
  const c = choice.data;
  const current = c.packs.find((p) => p.id === c.packId);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="pack-choice" data-pack={c.packId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Text size="xs" c="dimmed">
              {t('inventory.pack.inForce')}
            </Text>
            <Text fw={600}>{labels.pack(current ?? null, c.packId)}</Text>
            <Text size="xs" c="dimmed">
              {c.chosenAt ? t('inventory.pack.chosenAt', { org: c.chosenAtName ?? '' }) : t('inventory.pack.default')}
              {current ? ` · ${t('inventory.pack.fromDate', { date: formatDate(current.inForce.from) })}` : ''}
              {current ? ` · ${t('inventory.pack.requirements', { n: current.requirementCount })}` : ''}
            </Text>
          </Stack>
          {can('regulation:choose') && !editing && (
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                setPicked(c.packId);
                setEditing(true);
              }}
              data-testid="pack-change"
            >
              {t('inventory.pack.change')}
            </Button>
          )}
        </Group>
        {editing && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={t('inventory.pack.choose')}
              description={t('inventory.pack.chooseHint')}
              data={c.packs.map((p) => ({ value: p.id, label: `${labels.text(p.title)} (${p.version})` }))}
              value={picked}
              onChange={setPicked}
              allowDeselect={false}
              style={{ flex: '1 1 18rem' }}
              comboboxProps={{ withinPortal: true }}
            />
            <Button size="sm" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="sm" disabled={!picked || picked === c.packId} loading={save.isPending} onClick={() => picked && save.mutate(picked)}>
              {t('common.save')}
            </Button>
          </Group>
        )}
        <InventoryError error={save.error} />
      </Stack>
    </Paper>
  );
}
