import type { DirectiveInput } from '@khien/contracts';
import { Alert, Anchor, Button, Loader, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../lib/auth-context';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { DirectiveEditor } from './directive-editor';
import { directiveKeys, directivesApi } from './directives-api';
import { defaultIssuer, emptyDraft, fromDirective } from './editor-model';

/** /directives/new: a blank dispatch. */
export function DirectiveNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial] = useState(() => emptyDraft(defaultIssuer(me)));
  const create = useMutation({
    mutationFn: (input: DirectiveInput) => directivesApi.create(input, null),
    onSuccess: async (directive) => {
      queryClient.setQueryData(directiveKeys.detail(directive.id), directive);
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
      void navigate(`/directives/${directive.id}`);
    },
  });
  return (
    <>
      <PageHeader
        title={t('directives.new.title')}
        actions={
          <Button component={Link} to="/directives" variant="default">
            {t('directives.backToList')}
          </Button>
        }
      />
      <DirectiveEditor
        initial={initial}
        saving={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={() => void navigate('/directives')}
      />
    </>
  );
}

/** /directives/:id/edit: an existing draft; a stale version answers 409 and offers a reload. */
export function DirectiveEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: directiveKeys.detail(id), queryFn: () => directivesApi.get(id) });
  const initial = useMemo(() => (detail.data ? fromDirective(detail.data) : null), [detail.data]);
  const save = useMutation({
    mutationFn: ({ input, version }: { input: DirectiveInput; version: number }) => directivesApi.update(id, version, input),
    onSuccess: async (directive) => {
      queryClient.setQueryData(directiveKeys.detail(id), directive);
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
      void navigate(`/directives/${id}`);
    },
  });

  if (detail.isPending) return <Loader aria-label={t('common.loading')} />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  const back = (
    <Button component={Link} to={`/directives/${id}`} variant="default">
      {t('directives.backToDirective')}
    </Button>
  );
  if (d.status !== 'draft' || !d.canEdit || !initial) {
    return (
      <Stack>
        <PageHeader title={t('directives.edit.title')} actions={back} />
        <Alert color="yellow" variant="light">
          {t('directives.edit.notEditable')}
        </Alert>
        <Anchor component={Link} to={`/directives/${id}`}>
          {t('directives.backToDirective')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <>
      <PageHeader title={t('directives.edit.title')} description={d.subject} actions={back} />
      <DirectiveEditor
        key={d.version}
        initial={initial}
        directiveId={id}
        saving={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate({ input, version: d.version })}
        onCancel={() => void navigate(`/directives/${id}`)}
        onReload={() => {
          save.reset();
          void detail.refetch();
        }}
      />
    </>
  );
}
