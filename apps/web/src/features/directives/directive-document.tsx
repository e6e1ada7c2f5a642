import type { Directive } from '@khien/contracts';
import { Anchor, Box, Divider, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format-date';
import { PhoneIcon } from './directive-icons';

const SERIF = '"Times New Roman", Times, "Noto Serif", serif';

/** "Mường Lay, ngày 05 tháng 03 năm 2026" from place and an ISO date. */
function usePlaceDate() {
  const { t } = useTranslation();
  return (place: string | null, isoDate: string | null): string => {
    const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) : null;
    if (!m) return place ?? '';
    const parts = { day: m[3], month: m[2], year: m[1] };
    return place ? t('directives.doc.placeDate', { place, ...parts }) : t('directives.doc.date', parts);
  };
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

/** The directive laid out like the paper dispatch (Decree 30): header block, V/v, Kính gửi, body, signer, Nơi nhận. */
export function DirectiveDocument({ directive: d }: { directive: Directive }) {
  const { t } = useTranslation();
  const placeDate = usePlaceDate();
  const sections = [...d.sections].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="md" style={{ fontFamily: SERIF }} data-testid="directive-document">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={2} align="center" ta="center">
          <Text fw={700} tt="uppercase" size="sm" ff={SERIF}>
            {d.issuerOrgName}
          </Text>
          <Text size="sm" ff={SERIF} data-testid="directive-number">
            {t('directives.doc.number', { number: d.number ?? '…' })}
          </Text>
          <Text size="sm" fs="italic" ff={SERIF}>
            {t('directives.doc.subject', { subject: d.subject })}
          </Text>
        </Stack>
        <Stack gap={2} align="center" ta="center">
          <Text fw={700} size="sm" ff={SERIF}>
            {t('directives.doc.nation')}
          </Text>
          <Text fw={700} size="sm" td="underline" ff={SERIF}>
            {t('directives.doc.motto')}
          </Text>
          <Text size="sm" fs="italic" ff={SERIF}>
            {placeDate(d.place, d.issuedOn)}
          </Text>
        </Stack>
      </SimpleGrid>

      {d.recipientsText.length > 0 && (
        <Box>
          <Text fw={700} ff={SERIF}>
            {t('directives.doc.to')}
          </Text>
          <List size="sm" listStyleType="'- '" withPadding>
            {d.recipientsText.map((r, i) => (
              <List.Item key={i}>{r}</List.Item>
            ))}
          </List>
        </Box>
      )}

      {d.preamble && (
        <Text size="sm" ff={SERIF} style={{ whiteSpace: 'pre-wrap', textAlign: 'justify' }}>
          {d.preamble}
        </Text>
      )}

      {sections.map((s, i) => (
        <Box key={s.id} data-testid={`directive-section-${i + 1}`}>
          <Text fw={700} size="sm" ff={SERIF}>
            {i + 1}. {s.heading || s.addressees || t('directives.doc.untitledSection')}
          </Text>
          {s.addressees && s.heading && (
            <Text size="xs" c="dimmed" fs="italic">
              {t('directives.doc.addressees', { who: s.addressees })}
            </Text>
          )}
          <List size="sm" listStyleType="'- '" withPadding spacing={4} mt={4}>
            {s.tasks.map((task) => (
              <List.Item key={task.id} data-testid="directive-task">
                <Text span size="sm" ff={SERIF} style={{ textAlign: 'justify' }}>
                  {task.text}
                </Text>
                {task.dueAt && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('directives.doc.taskDue', { date: formatDate(task.dueAt) })})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Box>
      ))}

      {d.closing && (
        <Text size="sm" ff={SERIF} style={{ whiteSpace: 'pre-wrap', textAlign: 'justify' }}>
          {d.closing}
        </Text>
      )}

      {d.contacts.length > 0 && (
        <Group gap="md">
          {d.contacts.map((c, i) => (
            <Group key={i} gap={4} wrap="nowrap">
              <PhoneIcon size={14} />
              <Text size="sm">{c.name}</Text>
              {c.phone && (
                <Anchor href={telHref(c.phone)} size="sm">
                  {c.phone}
                </Anchor>
              )}
            </Group>
          ))}
        </Group>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Box>
          {d.copiesTo.length > 0 && (
            <>
              <Text fw={700} fs="italic" size="sm" ff={SERIF}>
                {t('directives.doc.copiesTo')}
              </Text>
              <List size="xs" listStyleType="'- '" withPadding>
                {d.copiesTo.map((c, i) => (
                  <List.Item key={i}>{c}</List.Item>
                ))}
              </List>
            </>
          )}
        </Box>
        <Stack gap={2} align="center" ta="center">
          {[d.signer.authority, d.signer.title].filter(Boolean).map((line, i) => (
            <Text key={i} fw={700} size="sm" tt="uppercase" ff={SERIF} style={{ whiteSpace: 'pre-wrap' }}>
              {line}
            </Text>
          ))}
          {d.signer.name && (
            <Text fw={700} size="sm" mt="lg" ff={SERIF}>
              {d.signer.name}
            </Text>
          )}
        </Stack>
      </SimpleGrid>

      {(d.alertStart || d.alertEnd || d.dueAt) && (
        <>
          <Divider />
          <Group gap="lg">
            {(d.alertStart || d.alertEnd) && (
              <Text size="sm">{t('directives.doc.alertPeriod', { from: formatDate(d.alertStart) || '…', to: formatDate(d.alertEnd) || '…' })}</Text>
            )}
            {d.dueAt && (
              <Text size="sm" fw={600}>
                {t('directives.doc.due', { date: formatDate(d.dueAt) })}
              </Text>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
