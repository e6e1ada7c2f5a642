import type { InventoryImport } from '@khien/contracts';
import { Alert, Badge, Group, Loader, Paper, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { ImportStatusBadge } from './badges';
import { importPercent, inReaderLanguage, isImportActive } from './import-model';
import { useImport, useRefreshInventory } from './inventory-api';
import { useInventoryLabels } from './inventory-labels';

const MAX_SHOWN = 500;

function Summary({ imp }: { imp: InventoryImport }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const active = isImportActive(imp);
  const pct = importPercent(imp);
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <ImportStatusBadge status={imp.status} />
          {imp.dryRun && (
            <Badge variant="outline" color="gray" size="sm">
              {t('inventory.import.dryRunBadge')}
            </Badge>
          )}
          <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
            {imp.filename}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {labels.importKind(imp.kind)} · {labels.importFormat(imp.format)} · {imp.orgName}
        </Text>
      </Group>
      <Stack gap={2}>
        <Progress
          value={pct}
          striped={active}
          animated={active}
          color={
            imp.status === 'failed' || imp.status === 'refused' ? 'red' : imp.status === 'interrupted' ? 'orange' : imp.status === 'done' ? 'teal' : 'blue'
          }
          aria-label={t('inventory.import.progressLabel')}
          data-testid="import-progress"
          data-percent={pct}
        />
        <Text size="xs" c="dimmed" data-testid="import-phase">
          {active ? t('inventory.import.phaseLine', { phase: labels.phase(imp.phase), pct }) : formatDateTime(imp.finishedAt)}
        </Text>
      </Stack>
      <Group gap="xs">
        <Badge variant="light" color="gray" data-testid="import-rows" data-n={imp.rowsRead}>
          {t('inventory.import.rowsRead', { n: imp.rowsRead })}
        </Badge>
        <Badge variant="light" color="teal" data-testid="import-created" data-n={imp.created}>
          {imp.dryRun ? t('inventory.import.wouldCreate', { n: imp.created }) : t('inventory.import.created', { n: imp.created })}
        </Badge>
        <Badge variant="light" color="blue">
          {imp.dryRun ? t('inventory.import.wouldUpdate', { n: imp.updated }) : t('inventory.import.updated', { n: imp.updated })}
        </Badge>
        <Badge variant="light" color={imp.rowsFailed ? 'red' : 'gray'} data-testid="import-failed" data-n={imp.rowsFailed}>
          {t('inventory.import.rowsFailed', { n: imp.rowsFailed })}
        </Badge>
      </Group>
    </Stack>
  );
}

function Outcome({ imp }: { imp: InventoryImport }) {
  const { t, i18n } = useTranslation();
  const message = inReaderLanguage(imp.messageText, imp.message, i18n.language);
  if (isImportActive(imp)) return null;
  const key =
    imp.status === 'refused' || imp.status === 'failed' || imp.status === 'interrupted'
      ? imp.status
      : imp.dryRun
        ? 'dryRunDone'
        : imp.rowsFailed > 0
          ? 'doneWithErrors'
          : 'done';
  const color = { refused: 'orange', failed: 'red', interrupted: 'orange', dryRunDone: 'blue', doneWithErrors: 'yellow', done: 'teal' }[key];
  return (
    <Alert color={color} variant="light" title={t(`inventory.import.outcome.${key}`)} data-testid="import-outcome" data-outcome={key}>
      {message && <Text size="sm">{message}</Text>}
    </Alert>
  );
}

export function ImportErrors({ imp }: { imp: InventoryImport }) {
  const { t, i18n } = useTranslation();
  if (imp.errors.length === 0) return null;
  const shown = imp.errors.slice(0, MAX_SHOWN);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('inventory.import.errorsTitle', { n: imp.errors.length })}
      </Text>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table.ScrollContainer minWidth={420}>
          <Table striped stickyHeader fz="sm" data-testid="import-errors" aria-label={t('inventory.import.errorsTitle', { n: imp.errors.length })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('inventory.import.row')}</Table.Th>
                <Table.Th w={150}>{t('inventory.import.field')}</Table.Th>
                <Table.Th>{t('inventory.import.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((e, i) => (
                <Table.Tr key={`${e.row}-${e.field ?? ''}-${i}`} data-row={e.row}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {e.field ?? '—'}
                  </Table.Td>
                  <Table.Td data-code={e.code ?? undefined}>{inReaderLanguage(e.text, e.message, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ScrollArea.Autosize>
      {imp.errors.length > MAX_SHOWN && (
        <Text size="xs" c="dimmed">
          {t('inventory.import.moreErrors', { n: imp.errors.length - MAX_SHOWN })}
        </Text>
      )}
    </Stack>
  );
}

/** One import as the server reports it, polled every second until it is done, refused or failed. */
export function ImportView({ id }: { id: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshInventory();
  const imp = useImport(id);
  const finished = imp.data ? !isImportActive(imp.data) && !imp.data.dryRun : false;
  // the registries and summaries change once the rows are written
  useEffect(() => {
    if (finished) void refresh();
  }, [finished, refresh]);
  if (imp.isPending) return <Loader aria-label={t('common.loading')} />;
  if (imp.isError) return <ErrorAlert error={imp.error} />;
  return (
    <Paper withBorder p="md" data-testid="import-view" data-status={imp.data.status}>
      <Stack>
        <Summary imp={imp.data} />
        <Outcome imp={imp.data} />
        <ImportErrors imp={imp.data} />
      </Stack>
    </Paper>
  );
}
