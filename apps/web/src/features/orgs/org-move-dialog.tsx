import type { OrgDetail } from '@khien/contracts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { OrgPicker, type PickedOrg } from './org-picker';
import { orgKeys, orgsApi } from './orgs-api';

interface OrgMoveDialogProps {
  org: OrgDetail;
  opened: boolean;
  onClose: () => void;
}

function MoveForm({ org, onClose }: Omit<OrgMoveDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [parent, setParent] = useState<PickedOrg | null>(null);
  const currentParent = org.ancestors[org.ancestors.length - 1];
  const move = useMutation({
    mutationFn: (parentId: string) => orgsApi.move(org.id, parentId, org.version),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      onClose();
    },
  });
  return (
    <Stack>
      <Text size="sm">
        {currentParent ? t('orgs.move.current', { name: org.name, parent: currentParent.name }) : t('orgs.move.currentRoot', { name: org.name })}
      </Text>
      <OrgPicker
        label={t('orgs.move.newParent')}
        description={t('orgs.move.hint')}
        value={parent}
        onChange={setParent}
        excludeIds={[org.id, ...(currentParent ? [currentParent.id] : [])]}
        required
        testId="org-move-parent"
      />
      <ErrorAlert error={move.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!parent} loading={move.isPending} onClick={() => parent && move.mutate(parent.id)}>
          {t('orgs.move.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function OrgMoveDialog(props: OrgMoveDialogProps) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={props.opened} onClose={props.onClose} title={t('orgs.move.title')}>
      {props.opened && <MoveForm org={props.org} onClose={props.onClose} />}
    </ResponsiveModal>
  );
}
