import type { Directive } from '@khien/contracts';
import { Button, FileButton, Menu, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { directiveKeys, directivesApi } from './directives-api';
import { IssueDialog } from './issue-dialog';
import { MutationError } from './mutation-error';

type Dialog = 'issue' | 'close' | 'delete' | null;

interface DirectiveActionsProps {
  directive: Directive;
  onUploadError: (error: unknown) => void;
}

/** What the caller may do with the directive in its current status: edit, issue, close, delete, attach, download. */
export function DirectiveActions({ directive: d, onUploadError }: DirectiveActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = async (next?: Directive) => {
    if (next) queryClient.setQueryData(directiveKeys.detail(d.id), next);
    await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
  };
  const close = useMutation({
    mutationFn: () => directivesApi.close(d.id, d.version),
    onSuccess: async (next) => {
      await refresh(next);
      setDialog(null);
    },
  });
  const remove = useMutation({
    mutationFn: () => directivesApi.remove(d.id),
    onSuccess: async () => {
      setDialog(null);
      queryClient.removeQueries({ queryKey: directiveKeys.detail(d.id) });
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
      void navigate('/directives', { replace: true });
    },
  });
  const attach = useMutation({
    mutationFn: (file: File) => directivesApi.addAttachment(d.id, file),
    onSuccess: (next) => refresh(next),
    onError: onUploadError,
  });
  const open = (which: Dialog) => {
    close.reset();
    remove.reset();
    setDialog(which);
  };
  const draft = d.status === 'draft';

  return (
    <>
      {d.canEdit && draft && (
        <>
          <Button size="sm" onClick={() => open('issue')} data-testid="directive-issue">
            {t('directives.actions.issue')}
          </Button>
          <Button size="sm" variant="default" onClick={() => void navigate(`/directives/${d.id}/edit`)} data-testid="directive-edit">
            {t('common.edit')}
          </Button>
        </>
      )}
      {d.canEdit && d.status === 'issued' && (
        <Button size="sm" variant="default" onClick={() => open('close')} data-testid="directive-close">
          {t('directives.actions.close')}
        </Button>
      )}
      {d.canEdit && d.status !== 'closed' && (
        <FileButton onChange={(file) => file && attach.mutate(file)}>
          {(props) => (
            <Button size="sm" variant="default" loading={attach.isPending} {...props}>
              {t('directives.actions.attach')}
            </Button>
          )}
        </FileButton>
      )}
      <Button size="sm" variant="default" component="a" href={directivesApi.exportUrl(d.id)} download data-testid="directive-export">
        {t('directives.actions.exportDocx')}
      </Button>
      {!draft && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="sm" variant="default" data-testid="directive-report">
              {t('directives.actions.report')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={directivesApi.reportUrl(d.id, 'docx')} download>
              {t('directives.actions.reportDocx')}
            </Menu.Item>
            <Menu.Item component="a" href={directivesApi.reportUrl(d.id, 'xlsx')} download>
              {t('directives.actions.reportXlsx')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {d.canEdit && draft && (
        <Button size="sm" variant="light" color="red" onClick={() => open('delete')}>
          {t('common.delete')}
        </Button>
      )}
      <IssueDialog directive={d} opened={dialog === 'issue'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'close'}
        title={t('directives.close.title')}
        message={
          <Stack gap="sm">
            <Text>{t('directives.close.confirm')}</Text>
            <MutationError error={close.error} onReload={() => void refresh().then(() => setDialog(null))} />
          </Stack>
        }
        confirmLabel={t('directives.actions.close')}
        loading={close.isPending}
        onConfirm={() => close.mutate()}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('directives.delete.title')}
        message={t('directives.delete.confirm', { subject: d.subject })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
