import type { AlertChannel, AlertSeverityValue } from '@khien/contracts';
import { Badge, Button, Card, Code, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { SecretReveal } from '../../components/secret-reveal';
import { formatDateTime } from '../../lib/format-date';
import { OrgPicker, type PickedOrg } from '../orgs';
import { SeverityBadge } from './alert-badges';
import { useAlertLabels } from './alert-labels';
import { ALERT_SEVERITIES } from './alert-model';
import { alertKeys, alertsApi, type CreatedChannel } from './alerts-api';

interface ChannelForm {
  org: PickedOrg | null;
  name: string;
  url: string;
  minSeverity: AlertSeverityValue;
  perMinute: number;
  enabled: boolean;
}

const isHttpUrl = (s: string) => /^https?:\/\/\S+$/i.test(s.trim());

/** A new outbound channel; its signing secret is shown once, here, after it is created. */
function ChannelDialog({ homeOrg, onClose, onCreated }: { homeOrg: PickedOrg | null; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const [form, setForm] = useState<ChannelForm>({ org: homeOrg, name: '', url: '', minSeverity: 'high', perMinute: 30, enabled: true });
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<CreatedChannel | null>(null);
  const create = useMutation({
    mutationFn: () =>
      alertsApi.createChannel({
        orgId: form.org!.id,
        name: form.name.trim(),
        url: form.url.trim(),
        minSeverity: form.minSeverity,
        perMinute: form.perMinute,
        enabled: form.enabled,
      }),
    onSuccess: (result) => {
      setCreated(result);
      onCreated();
    },
  });
  const fieldErrors = fieldErrorsOf(create.error);
  const valid = form.org !== null && form.name.trim() !== '' && isHttpUrl(form.url) && form.perMinute >= 1 && form.perMinute <= 600;
  return (
    <ResponsiveModal opened onClose={onClose} title={created ? t('alerts.channels.created') : t('alerts.channels.add')}>
      {created ? (
        <Stack>
          <SecretReveal label={t('alerts.channels.secret')} value={created.secret} warning={t('alerts.channels.secretWarning')} testId="channel-secret" />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <OrgPicker
            label={t('alerts.channels.org')}
            value={form.org}
            onChange={(org) => setForm({ ...form, org })}
            required
            error={tried && !form.org ? t('common.required') : null}
          />
          <TextInput
            label={t('alerts.channels.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            maxLength={200}
            withAsterisk
            error={tried && !form.name.trim() ? t('common.required') : fieldErrors.name}
          />
          <TextInput
            label={t('alerts.channels.url')}
            description={t('alerts.channels.urlHint')}
            value={form.url}
            onChange={(e) => setForm({ ...form, url: e.currentTarget.value })}
            maxLength={2000}
            withAsterisk
            error={tried && !isHttpUrl(form.url) ? t('alerts.channels.urlInvalid') : fieldErrors.url}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Select
              label={t('alerts.channels.minSeverity')}
              value={form.minSeverity}
              onChange={(v) => v && setForm({ ...form, minSeverity: v as AlertSeverityValue })}
              data={ALERT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
              allowDeselect={false}
            />
            <NumberInput
              label={t('alerts.channels.perMinute')}
              value={form.perMinute}
              onChange={(v) => setForm({ ...form, perMinute: typeof v === 'number' ? v : 0 })}
              min={1}
              max={600}
              allowDecimal={false}
              error={tried && (form.perMinute < 1 || form.perMinute > 600) ? t('alerts.channels.perMinuteRange') : undefined}
            />
          </SimpleGrid>
          <Switch label={t('alerts.channels.enabled')} checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={create.isPending}
              onClick={() => {
                setTried(true);
                if (valid) create.mutate();
              }}
              data-testid="channel-save"
            >
              {t('alerts.channels.create')}
            </Button>
          </Group>
        </Stack>
      )}
    </ResponsiveModal>
  );
}

function ChannelCard({ channel, onDelete }: { channel: AlertChannel; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`channel-${channel.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {channel.name}
          </Text>
          <Badge color={channel.enabled ? 'teal' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
            {channel.enabled ? t('alerts.channels.on') : t('alerts.channels.off')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {channel.orgName}
        </Text>
        <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{channel.url}</Code>
        <Group gap="xs" wrap="wrap">
          <Text size="xs">{t('alerts.channels.from')}</Text>
          <SeverityBadge severity={channel.minSeverity} size="xs" />
          <Text size="xs">{t('alerts.channels.throttle', { n: channel.perMinute })}</Text>
        </Group>
        <Text size="xs" c={channel.pending > 0 ? 'orange.8' : 'dimmed'}>
          {t('alerts.channels.pending', { n: channel.pending })}
          {' · '}
          {channel.lastDeliveredAt ? t('alerts.channels.lastDelivered', { at: formatDateTime(channel.lastDeliveredAt) }) : t('alerts.channels.neverDelivered')}
        </Text>
        {channel.lastError && (
          <Text size="xs" c="red.7" style={{ overflowWrap: 'anywhere' }} data-testid="channel-error">
            {t('alerts.channels.lastError')} <Code fz="xs">{channel.lastError}</Code>
          </Text>
        )}
        <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete} style={{ alignSelf: 'flex-start' }}>
          {t('common.delete')}
        </Button>
      </Stack>
    </Card>
  );
}

/** Where alerts are sent on (a chat bot, another SIEM): signed webhooks with a severity floor and a throttle. */
export function ChannelsPanel({ homeOrg }: { homeOrg: PickedOrg | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const channels = useQuery({ queryKey: alertKeys.channels, queryFn: ({ signal }) => alertsApi.channels(signal) });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<AlertChannel | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.channels });
  const remove = useMutation({
    mutationFn: (c: AlertChannel) => alertsApi.deleteChannel(c.id),
    onSuccess: () => setDeleting(null),
    onSettled: refresh,
  });
  const items = channels.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="channels-panel">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
          {t('alerts.channels.intro')}
        </Text>
        <Button onClick={() => setAdding(true)} data-testid="channel-add">
          {t('alerts.channels.add')}
        </Button>
      </Group>
      {channels.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : channels.isError ? (
        <ErrorAlert error={channels.error} />
      ) : items.length === 0 ? (
        <Empty title={t('alerts.channels.empty')} />
      ) : (
        <Stack gap="xs">
          {items.map((c) => (
            <ChannelCard key={c.id} channel={c} onDelete={() => setDeleting(c)} />
          ))}
        </Stack>
      )}
      {adding && <ChannelDialog homeOrg={homeOrg} onClose={() => setAdding(false)} onCreated={() => void refresh()} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('alerts.channels.deleteTitle')}
        message={t('alerts.channels.deleteBody', { name: deleting?.name ?? '' })}
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
