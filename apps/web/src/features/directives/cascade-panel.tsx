import { Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CascadeList } from './cascade-tree';

/** "Triển khai": who relayed the directive to their own units, down every level of the chain. */
export function CascadePanel({ directiveId }: { directiveId: string }) {
  const { t } = useTranslation();
  const [notRelayed, setNotRelayed] = useState(false);
  return (
    <Paper p={0} data-testid="cascade-panel">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('directives.cascade.hint')}
        </Text>
        <Switch
          label={t('directives.cascade.state.notRelayed')}
          checked={notRelayed}
          onChange={(e) => setNotRelayed(e.currentTarget.checked)}
          data-testid="cascade-not-relayed"
        />
        <CascadeList directiveId={directiveId} depth={0} notRelayed={notRelayed} withSummary />
      </Stack>
    </Paper>
  );
}
