import type { Directive } from '@khien/contracts';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../components/responsive-modal';
import { directiveKeys, directivesApi } from './directives-api';
import { MutationError } from './mutation-error';

interface IssueDialogProps {
  directive: Directive;
  opened: boolean;
  onClose: () => void;
}

function IssueBody({ directive: d, onClose }: Omit<IssueDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The saved draft's own rules: what issuing will actually resolve.
  const preview = useQuery({ queryKey: directiveKeys.preview(d.id, `saved:${d.version}`), queryFn: () => directivesApi.previewRecipients(d.id) });
  const issue = useMutation({
    mutationFn: () => directivesApi.issue(d.id, d.version),
    onSuccess: async (issued) => {
      queryClient.setQueryData(directiveKeys.detail(d.id), issued);
      await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
      onClose();
    },
  });
  const reload = () => {
    issue.reset();
    void queryClient.invalidateQueries({ queryKey: directiveKeys.detail(d.id) });
    onClose();
  };
  const total = preview.data?.total ?? 0;
  return (
    <Stack>
      {preview.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : preview.isError ? (
        <MutationError error={preview.error} />
      ) : (
        <>
          <Text data-testid="issue-recipient-count" data-count={total}>
            {t('directives.issue.count', { n: total })}
          </Text>
          {preview.data.items.length > 0 && (
            <Text size="sm" c="dimmed" lineClamp={3}>
              {preview.data.items
                .slice(0, 12)
                .map((o) => o.name)
                .join('; ')}
              {total > 12 ? ` ${t('directives.preview.more', { n: total - 12 })}` : ''}
            </Text>
          )}
          {total === 0 && (
            <Alert color="yellow" variant="light">
              {t('directives.issue.none')}
            </Alert>
          )}
        </>
      )}
      <Text size="sm">{t('directives.issue.warning')}</Text>
      <MutationError error={issue.error} onReload={reload} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={!preview.isSuccess || total === 0} data-testid="issue-confirm">
          {t('directives.issue.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Ban hành" asks once more, with how many orgs the dispatch will reach. */
export function IssueDialog({ directive, opened, onClose }: IssueDialogProps) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('directives.issue.title')} size="md">
      {opened && <IssueBody directive={directive} onClose={onClose} />}
    </ResponsiveModal>
  );
}
