import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import type { RollupBy } from '../../lib/enums';
import { PhoneIcon } from './directive-icons';
import { telHref } from './directive-document';
import { useRollup } from './rollup-panel';

/** "Chưa xác nhận": who has not acknowledged yet, with phone numbers to call. */
export function NotAcknowledgedList({ directiveId, by }: { directiveId: string; by: RollupBy }) {
  const { t } = useTranslation();
  const rollup = useRollup(directiveId, by);
  if (rollup.isPending) return <Loader aria-label={t('common.loading')} />;
  if (rollup.isError) return <ErrorAlert error={rollup.error} />;
  const items = rollup.data.notAcknowledged;
  if (items.length === 0) return <Empty title={t('directives.notAcknowledged.empty')} />;
  return (
    <Stack gap="xs" data-testid="not-acknowledged">
      <Text size="sm" c="dimmed">
        {t('directives.notAcknowledged.count', { n: items.length })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {items.map((item) => (
          <Paper key={item.assignmentId} withBorder p="sm" data-testid="not-acknowledged-item">
            <Anchor component={Link} to={`/assignments/${item.assignmentId}`} fw={600} size="sm">
              {item.orgName}
            </Anchor>
            {item.contacts.length === 0 ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('directives.notAcknowledged.noContacts')}
              </Text>
            ) : (
              <Stack gap={4} mt={6}>
                {item.contacts.map((c, i) => (
                  <Group key={i} gap="xs" justify="space-between" wrap="nowrap">
                    <Text size="sm" truncate>
                      {c.name}
                    </Text>
                    {c.phone ? (
                      <Button
                        component="a"
                        href={telHref(c.phone)}
                        size="compact-sm"
                        variant="light"
                        leftSection={<PhoneIcon size={14} />}
                        aria-label={t('directives.notAcknowledged.call', { name: c.name, phone: c.phone })}
                      >
                        {c.phone}
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('directives.notAcknowledged.noPhone')}
                      </Text>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
