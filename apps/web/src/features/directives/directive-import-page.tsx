import type { DirectiveInput } from '@khien/contracts';
import { Alert, Button, Group, List, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/auth-context';
import { PageHeader } from '../../components/page-header';
import { DISPATCH_MAX_BYTES, DispatchDropZone, dispatchFileProblem } from './dispatch-drop-zone';
import { DirectiveEditor } from './directive-editor';
import { directiveKeys, directivesApi, type ParsedDispatchDraft } from './directives-api';
import { defaultIssuer, fromParsed, type DirectiveDraft } from './editor-model';
import { MutationError } from './mutation-error';

interface Parsed {
  result: ParsedDispatchDraft;
  draft: DirectiveDraft;
  /** Remounts the editor for each new analysis. */
  run: number;
}

/** Paste or upload a dispatch, let the server structure it, correct the draft, save it. */
export function DirectiveImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [parsed, setParsed] = useState<Parsed | null>(null);

  const parse = useMutation({
    mutationFn: () => {
      if (file) {
        setProgress(0);
        return directivesApi.parseFile(file, { onProgress: setProgress });
      }
      return directivesApi.parseText(text);
    },
    onSuccess: (result) => {
      const draft = fromParsed(result.draft);
      if (!draft.issuerOrg) draft.issuerOrg = defaultIssuer(me);
      setParsed((prev) => ({ result, draft, run: (prev?.run ?? 0) + 1 }));
    },
    onSettled: () => setProgress(null),
  });
  const create = useMutation({
    mutationFn: (input: DirectiveInput) => directivesApi.create(input, parsed?.result.sourceFileId ?? null),
    onSuccess: async (directive) => {
      queryClient.setQueryData(directiveKeys.detail(directive.id), directive);
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
      void navigate(`/directives/${directive.id}`);
    },
  });

  const fileProblem = file ? dispatchFileProblem(file) : null;
  const fileError = fileProblem ? t(`directives.import.fileProblem.${fileProblem}`, { mb: DISPATCH_MAX_BYTES / 1024 / 1024 }) : undefined;
  const canParse = file ? fileProblem === null : text.trim().length > 0;

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

  if (parsed) {
    const warnings = parsed.result.warnings;
    return (
      <>
        {header}
        <DirectiveEditor
          key={parsed.run}
          initial={parsed.draft}
          saving={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input)}
          onCancel={() => {
            create.reset();
            setParsed(null);
          }}
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
                {t('directives.import.checkHint')}
              </Text>
              <Group>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => {
                    create.reset();
                    setParsed(null);
                  }}
                >
                  {t('directives.import.back')}
                </Button>
              </Group>
            </Stack>
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      <Stack maw={960}>
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
              disabled={file !== null}
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
            <MutationError error={parse.error} serverFirst />
            <Group>
              <Button onClick={() => parse.mutate()} disabled={!canParse} loading={parse.isPending} data-testid="dispatch-parse">
                {t('directives.import.parse')}
              </Button>
              {file && (
                <Text size="sm" c="dimmed">
                  {t('directives.import.willParseFile', { name: file.name })}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
