import type { AuditEntry } from '@khien/contracts';
import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('audit.changes.none')}
      </Text>
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return (
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {String(value)}
      </Text>
    );
  }
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** Before/after per changed field, plus where the change came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const fields = Object.entries(entry.changes);
  return (
    <Stack gap="xs" py="xs" data-testid={`audit-changes-${entry.seq}`}>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.changes.noFields')}
        </Text>
      ) : (
        <Table withTableBorder withColumnBorders aria-label={t('audit.changes.label', { seq: entry.seq })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{t('audit.changes.field')}</Table.Th>
              <Table.Th w="40%">{t('audit.changes.before')}</Table.Th>
              <Table.Th w="40%">{t('audit.changes.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map(([field, change]) => (
              <Table.Tr key={field}>
                <Table.Td>
                  <Code>{field}</Code>
                </Table.Td>
                <Table.Td>
                  <Value value={change.before} />
                </Table.Td>
                <Table.Td>
                  <Value value={change.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('audit.changes.meta', {
          seq: entry.seq,
          entityId: entry.entityId ?? '—',
          requestId: entry.requestId ?? '—',
        })}
      </Text>
    </Stack>
  );
}
