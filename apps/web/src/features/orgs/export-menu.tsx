import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { orgsApi } from './orgs-api';

/** Export the caller's visible orgs (or one subtree) as the XLSX/CSV people already file. */
export function ExportMenu({ under }: { under?: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" data-testid="org-export">
          {under ? t('orgs.export.subtree') : t('orgs.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={orgsApi.exportUrl('xlsx', under)} download>
          {t('orgs.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={orgsApi.exportUrl('csv', under)} download>
          {t('orgs.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
