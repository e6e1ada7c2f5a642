import type { DirectiveInput } from '@khien/contracts';
import { Alert, Button, Grid, Group, List, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../lib/api-client';
import { PageHeader } from '../../components/page-header';
import { DispatchDropZone, dispatchFileProblem, fileLimitMb, isDocumentFile } from './dispatch-drop-zone';
import { DirectiveEditor } from './directive-editor';
import { directiveKeys, directivesApi, type DocumentImport, type ParsedDispatchDraft } from './directives-api';
import { DocumentPages, ImportProgress } from './document-pages';
import { fromParsed } from './editor-model';
import { flagsForDraft } from './low-confidence';
import { MutationError } from './mutation-error';

/** Where the draft comes from: parsed on the spot (text, .docx) or a background import (PDF, photo). */
type Source = { kind: 'parsed'; result: ParsedDispatchDraft; run: number } | { kind: 'import'; id: string; filename: string; run: number };

const finished = (job: DocumentImport | undefined) => job?.status === 'done' || job?.status === 'failed';

/**
 * Paste or upload a dispatch, let the server structure it, correct the draft, save it.
 * PDFs and photos are read by a background job (OCR for scans): the page polls its progress,
 * then shows the draft beside the page images, with fields OCR was unsure of in orange.
 */
export function DirectiveImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const run = (source?.run ?? 0) + 1;

  const capabilities = useQuery({ queryKey: directiveKeys.importCapabilities, queryFn: directivesApi.importCapabilities, staleTime: 5 * 60_000 });
  const importId = source?.kind === 'import' ? source.id : null;
  const job = useQuery({
    queryKey: directiveKeys.documentImport(importId ?? 'none'),
    queryFn: ({ signal }) => directivesApi.getImport(importId!, signal),
    enabled: importId !== null,
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });

  const parse = useMutation({
    mutationFn: async () => {
      if (file && isDocumentFile(file)) {
        setProgress(0);
        const started = await directivesApi.startImport(file, { onProgress: setProgress });
        queryClient.setQueryData(directiveKeys.documentImport(started.id), started);
        return { kind: 'import' as const, id: started.id, filename: started.filename, run };
      }
      setProgress(file ? 0 : null);
      const result = file ? await directivesApi.parseFile(file, { onProgress: setProgress }) : await directivesApi.parseText(text);
      return { kind: 'parsed' as const, result, run };
    },
    onSuccess: (next) => setSource(next),
    onSettled: () => setProgress(null),
  });

  const result: ParsedDispatchDraft | null =
    source?.kind === 'parsed' ? source.result : source?.kind === 'import' && job.data?.status === 'done' ? job.data.result : null;
  // the issuer is the one the server found in the tree by the letter's name, or none: never the reader's own org
  const draft = useMemo(() => (result ? fromParsed(result.draft) : null), [result]);
  const flags = useMemo(() => (result && draft ? flagsForDraft(result.document?.lowConfidence, draft) : undefined), [result, draft]);

  const create = useMutation({
    mutationFn: (input: DirectiveInput) => directivesApi.create(input, result?.sourceFileId ?? null),
    onSuccess: async (directive) => {
      queryClient.setQueryData(directiveKeys.detail(directive.id), directive);
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
      void navigate(`/directives/${directive.id}`);
    },
  });
  const back = () => {
    create.reset();
    parse.reset();
    setSource(null);
  };

  const fileProblem = file ? dispatchFileProblem(file) : null;
  const fileError = file && fileProblem ? t(`directives.import.fileProblem.${fileProblem}`, { mb: fileLimitMb(file) }) : undefined;
  const canParse = file ? fileProblem === null : text.trim().length > 0;
  const jobError =
    job.data?.status === 'failed' && job.data.error
      ? new ApiError({
          status: 422,
          code: job.data.error.code as never,
          message: job.data.error.message,
          reason: job.data.error.reason ?? null,
          params: job.data.error.params ?? {},
        })
      : null;

  const header = (
    <PageHeader
      title={t('directives.import.title')}
      description={t('directives.import.description')}
      actions={
        <Button component={Link} to="/directives" variant="default">
          {t('directives.backToList')}
        </Button>
      }
    />
  );

  if (result && draft) {
    const warnings = result.warnings;
    const editor = (
      <DirectiveEditor
        key={source?.run}
        initial={draft}
        flags={flags}
        saving={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={back}
        before={
          <Stack gap="xs">
            {warnings.length > 0 ? (
              <Alert color="yellow" variant="filled" title={t('directives.import.warningsTitle', { n: warnings.length })} data-testid="parse-warnings">
                <List size="sm" spacing={2}>
                  {warnings.map((w, i) => (
                    <List.Item key={i}>{w}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Alert color="teal" variant="light" data-testid="parse-warnings">
                {t('directives.import.noWarnings')}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t(importId ? 'directives.import.checkHintPages' : 'directives.import.checkHint')}
            </Text>
            <Group>
              <Button variant="subtle" size="xs" onClick={back}>
                {t('directives.import.back')}
              </Button>
            </Group>
          </Stack>
        }
      />
    );
    return (
      <>
        {header}
        {importId && result.document ? (
          <Grid gap="md" data-testid="import-side-by-side">
            <Grid.Col span={{ base: 12, lg: 7 }}>{editor}</Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <DocumentPages importId={importId} document={result.document} />
            </Grid.Col>
          </Grid>
        ) : (
          editor
        )}
      </>
    );
  }

  const reading = source?.kind === 'import' && !finished(job.data);
  return (
    <>
      {header}
      <Stack maw={960}>
        {capabilities.data && !capabilities.data.ocr && (
          <Alert color="orange" variant="light" title={t('directives.import.noOcrTitle')} data-testid="no-ocr">
            {t('directives.import.noOcr')}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label={t('directives.import.textLabel')}
              description={t('directives.import.textHint')}
              autosize
              minRows={12}
              maxRows={30}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              disabled={file !== null || reading}
              data-testid="dispatch-text"
              styles={{ input: { fontFamily: '"Times New Roman", Times, serif', fontSize: '0.95rem' } }}
            />
            <Text size="sm" c="dimmed" ta="center">
              {t('directives.import.or')}
            </Text>
            <DispatchDropZone
              file={file}
              onChange={(f) => {
                setFile(f);
                parse.reset();
                setSource(null);
              }}
              error={fileError}
            />
            {progress !== null && (
              <Stack gap={4}>
                <Progress value={Math.round(progress * 100)} striped animated={progress >= 1} aria-label={t('directives.import.progress')} />
                <Text size="xs" c="dimmed">
                  {progress < 1 ? t('directives.import.uploading', { pct: Math.round(progress * 100) }) : t('directives.import.analysing')}
                </Text>
              </Stack>
            )}
            {reading && source.kind === 'import' && <ImportProgress job={job.data} filename={source.filename} />}
            <MutationError error={parse.error ?? jobError ?? job.error} serverFirst />
            <Group>
              <Button onClick={() => parse.mutate()} disabled={!canParse || reading} loading={parse.isPending || reading} data-testid="dispatch-parse">
                {t('directives.import.parse')}
              </Button>
              {file && (
                <Text size="sm" c="dimmed">
                  {t(isDocumentFile(file) ? 'directives.import.willReadDocument' : 'directives.import.willParseFile', { name: file.name })}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
