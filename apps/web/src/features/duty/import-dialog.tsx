import { Alert, Button, FileButton, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { dutyApi, type DutyImportResult } from './duty-api';

const ACCEPT = '.xlsx,.ics,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/calendar';

/**
 * A roster file (the sheet people keep today, or a calendar export) read twice: first a dry run
 * that saves nothing and lists every problem by row, then, once confirmed, for real.
 */
export function ImportDialog({ orgId, onClose, onImported }: { orgId: string; onClose: () => void; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [checked, setChecked] = useState<DutyImportResult | null>(null);
  const [done, setDone] = useState<DutyImportResult | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => dutyApi.importRoster(orgId, file!, dryRun, { onProgress: setProgress }),
    onSuccess: (result, dryRun) => {
      if (dryRun) setChecked(result);
      else {
        setDone(result);
        onImported();
      }
    },
  });
  const pick = (f: File | null) => {
    setFile(f);
    setChecked(null);
    setDone(null);
    run.reset();
  };
  return (
    <ResponsiveModal opened onClose={onClose} title={t('duty.import.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('duty.import.hint')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <FileButton onChange={pick} accept={ACCEPT}>
            {(props) => (
              <Button variant="default" {...props} data-testid="duty-import-pick">
                {t('duty.import.pick')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
          )}
        </Group>
        {run.isPending && <Progress value={progress * 100} size="sm" aria-label={t('duty.import.uploading')} />}
        <ErrorAlert error={run.error} />
        {done ? (
          <Alert color="teal" variant="light" data-testid="duty-import-done">
            <Text size="sm">{t('duty.import.done', { n: done.created })}</Text>
          </Alert>
        ) : (
          checked && (
            <Stack gap="xs" data-testid="duty-import-check">
              <Text size="sm" fw={600}>
                {t('duty.import.wouldCreate', { n: checked.created })}
              </Text>
              {checked.problems.length > 0 && (
                <Paper withBorder p="xs" style={{ overflowX: 'auto' }}>
                  <Table fz="xs" verticalSpacing={4} data-testid="duty-import-problems" aria-label={t('duty.import.problems')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('duty.import.row')}</Table.Th>
                        <Table.Th>{t('duty.import.column')}</Table.Th>
                        <Table.Th>{t('duty.import.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {checked.problems.map((p, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{p.row}</Table.Td>
                          <Table.Td>{p.column}</Table.Td>
                          <Table.Td>{p.message[lang]}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Paper>
              )}
            </Stack>
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </Button>
          {!done &&
            (checked ? (
              <Button
                color={checked.problems.length > 0 ? 'orange' : undefined}
                disabled={checked.created === 0}
                loading={run.isPending}
                onClick={() => run.mutate(false)}
                data-testid="duty-import-confirm"
              >
                {checked.problems.length > 0 ? t('duty.import.confirmAnyway', { n: checked.created }) : t('duty.import.confirm', { n: checked.created })}
              </Button>
            ) : (
              <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate(true)} data-testid="duty-import-check-button">
                {t('duty.import.check')}
              </Button>
            ))}
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
