import type { ImportResult } from '@khien/contracts';
import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const MAX_SHOWN = 500;

export function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const shown = result.errors.slice(0, MAX_SHOWN);
  const ok = result.errors.length === 0;
  return (
    <Stack data-testid={result.dryRun ? 'import-preview' : 'import-result'}>
      <Alert color={ok ? 'teal' : 'orange'} variant="light" title={result.dryRun ? t('orgs.import.previewTitle') : t('orgs.import.doneTitle')}>
        <Group gap="xs">
          <Badge variant="light" color="gray">
            {t('orgs.import.rows', { n: result.rows })}
          </Badge>
          <Badge variant="light" color="teal">
            {result.dryRun ? t('orgs.import.wouldCreate', { n: result.created }) : t('orgs.import.created', { n: result.created })}
          </Badge>
          <Badge variant="light" color="blue">
            {result.dryRun ? t('orgs.import.wouldUpdate', { n: result.updated }) : t('orgs.import.updated', { n: result.updated })}
          </Badge>
          <Badge variant="light" color={ok ? 'gray' : 'red'}>
            {t('orgs.import.errorCount', { n: result.errors.length })}
          </Badge>
        </Group>
      </Alert>
      {!ok && (
        <>
          <ScrollArea.Autosize mah={420} type="auto">
            <Table.ScrollContainer minWidth={480}>
              <Table striped stickyHeader data-testid="import-errors" aria-label={t('orgs.import.errorsLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('orgs.import.row')}</Table.Th>
                    <Table.Th w={160}>{t('orgs.import.field')}</Table.Th>
                    <Table.Th>{t('orgs.import.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((e, i) => (
                    <Table.Tr key={`${e.row}-${e.field ?? ''}-${i}`}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.field ?? '—'}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </ScrollArea.Autosize>
          {result.errors.length > MAX_SHOWN && (
            <Text size="xs" c="dimmed">
              {t('orgs.import.moreErrors', { n: result.errors.length - MAX_SHOWN })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
