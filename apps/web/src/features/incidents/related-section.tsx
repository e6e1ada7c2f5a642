import type { IncidentDetail } from '@khien/contracts';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { IpList } from '../../components/ip-list';
import { formatDateTime } from '../../lib/format-date';

/** What the case is about and came from: systems and assets, the alerts it was opened from, the cases merged into it. */
export function RelatedSection({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="related-section">
      <Stack gap={4}>
        <Title order={5}>{t('incidents.related.alerts')}</Title>
        {incident.alerts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('incidents.related.noAlerts')}
          </Text>
        ) : (
          incident.alerts.map((a) => (
            <Group key={a.id} gap="xs" wrap="wrap" justify="space-between">
              <Anchor component={Link} to={`/alerts/${a.id}`} size="sm" style={{ overflowWrap: 'anywhere' }} translate="no">
                {a.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDateTime(a.receivedAt)}
              </Text>
            </Group>
          ))
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={5}>{t('incidents.related.merged')}</Title>
        {incident.merged.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('incidents.related.noMerged')}
          </Text>
        ) : (
          incident.merged.map((m) => (
            <Group key={m.id} gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/incidents/${m.id}`} size="sm" ff="monospace">
                {m.code}
              </Anchor>
              <Text size="xs" c="dimmed">
                {m.orgName}
              </Text>
            </Group>
          ))
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={5}>{t('incidents.fields.systems')}</Title>
        {incident.systems.length === 0 && incident.assets.length === 0 ? (
          <Empty title={t('incidents.related.noSystems')} />
        ) : (
          <>
            {incident.systems.map((s) => (
              <Anchor key={s.id} component={Link} to={`/systems/${s.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {s.level ? t('incidents.form.systemWithLevel', { name: s.name, level: s.level }) : s.name}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {s.orgName}
                </Text>
              </Anchor>
            ))}
            {incident.assets.map((a) => (
              <Stack key={a.id} gap={0}>
                <Anchor component={Link} to={`/assets/${a.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {a.name}
                </Anchor>
                <IpList ips={a.ips} size="xs" c="dimmed" />
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Stack>
  );
}
