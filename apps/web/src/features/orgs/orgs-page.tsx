import type { OrgKind } from '@khien/contracts';
import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useState } from 'react';
import { useAuth } from '../../lib/auth-context';
import { PageHeader } from '../../components/page-header';
import { ExportMenu } from './export-menu';
import { KindSelect } from './kind-select';
import { OrgFormDialog } from './org-form-dialog';
import { OrgSearchResults } from './org-search-results';
import { OrgTree } from './org-tree';

export function OrgsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const kind = (params.get('kind') as OrgKind | null) ?? null;
  const [creating, setCreating] = useState(false);

  const updateParams = (q: string, k: OrgKind | null) => {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    if (k) next.set('kind', k);
    setParams(next, { replace: true });
  };

  const searching = debounced.length > 0 || kind !== null;

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.description')}
        actions={
          <>
            {can('org:write') && (
              <Button onClick={() => setCreating(true)} data-testid="org-create">
                {t('orgs.actions.create')}
              </Button>
            )}
            {can('org:write') && (
              <Button component={Link} to="/orgs/import" variant="default">
                {t('orgs.actions.import')}
              </Button>
            )}
            <ExportMenu />
          </>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('orgs.search.label')}
          placeholder={t('orgs.search.placeholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            updateParams(e.currentTarget.value.trim(), kind);
          }}
          style={{ flex: '1 1 16rem' }}
          data-testid="org-search"
        />
        <KindSelect
          label={t('orgs.fields.kind')}
          placeholder={t('orgs.search.anyKind')}
          value={kind}
          onChange={(k) => updateParams(search.trim(), k)}
          clearable
          allowDeselect
          style={{ flex: '0 1 14rem' }}
        />
      </Group>
      <Paper withBorder p="xs">
        {searching ? <OrgSearchResults q={debounced} kind={kind} /> : <OrgTree />}
      </Paper>
      <OrgFormDialog
        mode="create"
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(org) => {
          setCreating(false);
          void navigate(`/orgs/${org.id}`);
        }}
      />
    </>
  );
}
