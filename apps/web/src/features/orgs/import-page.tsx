import type { ImportResult } from '@khien/contracts';
import { Anchor, Button, FileInput, Group, Paper, Progress, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api-client';
import { PageHeader } from '../../components/page-header';
import { ImportResultView } from './import-result';
import { orgKeys, orgsApi, type ImportOnError } from './orgs-api';

const MAX_BYTES = 20 * 1024 * 1024;
/** A file refused whole: the server says why (too many rows, not a spreadsheet…) in the language the page asked in. */
const REFUSALS = new Set(['IMPORT_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'ARCHIVE_TOO_LARGE', 'ARCHIVE_REFUSED']);

export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState<ImportOnError>('skip');
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ result: ImportResult; file: File; onError: ImportOnError } | null>(null);
  const [committed, setCommitted] = useState<ImportResult | null>(null);

  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error('no file');
      setProgress(0);
      return orgsApi.importFile(file, dryRun, onError, { onProgress: setProgress });
    },
    onSuccess: async (result) => {
      if (result.dryRun && file) {
        setPreview({ result, file, onError });
      } else {
        setCommitted(result);
        setPreview(null);
        await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      }
    },
    onSettled: () => setProgress(null),
  });

  const previewCurrent = preview && preview.file === file && preview.onError === onError ? preview.result : null;
  const blocked = previewCurrent !== null && onError === 'abort' && previewCurrent.errors.length > 0;
  const tooBig = file !== null && file.size > MAX_BYTES;

  return (
    <>
      <PageHeader
        title={t('orgs.import.title')}
        description={t('orgs.import.description')}
        actions={
          <Button component={Link} to="/orgs" variant="default">
            {t('orgs.backToTree')}
          </Button>
        }
      />
      <Stack maw={820}>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={500}>{t('orgs.import.templates')}</Text>
            <Text size="sm" c="dimmed">
              {t('orgs.import.templatesHint')}
            </Text>
            <Group gap="md">
              <Anchor href={orgsApi.templateUrl('xlsx')} download data-testid="template-xlsx">
                {t('orgs.import.templateXlsx')}
              </Anchor>
              <Anchor href={orgsApi.templateUrl('csv')} download data-testid="template-csv">
                {t('orgs.import.templateCsv')}
              </Anchor>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <FileInput
              label={t('orgs.import.file')}
              description={t('orgs.import.fileHint')}
              placeholder={t('orgs.import.filePlaceholder')}
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                setCommitted(null);
                run.reset();
              }}
              clearable
              error={tooBig ? t('orgs.import.tooBig', { mb: MAX_BYTES / 1024 / 1024 }) : undefined}
              data-testid="import-file"
            />
            <Radio.Group label={t('orgs.import.onErrorLabel')} value={onError} onChange={(v) => setOnError(v as ImportOnError)}>
              <Stack gap={6} mt={6}>
                <Radio value="skip" label={t('orgs.import.onErrorSkip')} />
                <Radio value="abort" label={t('orgs.import.onErrorAbort')} />
              </Stack>
            </Radio.Group>
            {progress !== null && (
              <Stack gap={4}>
                <Progress value={progress < 1 ? Math.round(progress * 100) : 100} striped animated={progress >= 1} aria-label={t('orgs.import.progress')} />
                <Text size="xs" c="dimmed">
                  {progress < 1 ? t('orgs.import.uploading', { pct: Math.round(progress * 100) }) : t('orgs.import.processing')}
                </Text>
              </Stack>
            )}
            <ErrorAlert error={run.error} />
            {isApiError(run.error) && REFUSALS.has(run.error.code) && run.error.message && (
              <Text size="sm" c="red" data-testid="import-refusal">
                {run.error.message}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                disabled={!file || tooBig}
                loading={run.isPending && run.variables?.dryRun === true}
                onClick={() => run.mutate({ dryRun: true })}
                data-testid="import-dry-run"
              >
                {t('orgs.import.dryRun')}
              </Button>
              <Button
                disabled={!previewCurrent || blocked || run.isPending}
                loading={run.isPending && run.variables?.dryRun === false}
                onClick={() => run.mutate({ dryRun: false })}
                data-testid="import-commit"
              >
                {t('orgs.import.commit')}
              </Button>
            </Group>
            {!previewCurrent && file && !committed && (
              <Text size="xs" c="dimmed">
                {t('orgs.import.dryRunFirst')}
              </Text>
            )}
            {blocked && (
              <Text size="sm" c="red">
                {t('orgs.import.blocked')}
              </Text>
            )}
          </Stack>
        </Paper>
        {previewCurrent && <ImportResultView result={previewCurrent} />}
        {committed && <ImportResultView result={committed} />}
      </Stack>
    </>
  );
}
