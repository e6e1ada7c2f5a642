import { Anchor, Button, Checkbox, Group, Paper, Progress, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../lib/auth-context';
import { ChoiceControl } from '../../components/choice-control';
import { PageHeader } from '../../components/page-header';
import { IMPORT_KINDS, type ImportFormat, type ImportKind } from '../../lib/enums';
import { OrgPicker } from '../orgs';
import { ImportDropZone } from './import-drop-zone';
import { FORMATS_BY_KIND, guessFormat, importFileProblem, IMPORT_MAX_BYTES } from './import-model';
import { ImportView } from './import-view';
import { inventoryApi, useRefreshInventory, type ImportOnError } from './inventory-api';
import { InventoryError } from './inventory-error';
import { useInventoryLabels } from './inventory-labels';
import { RecentImports } from './recent-imports';
import { defaultScopeOrg, type ScopeOrg } from './scope';

const isKind = (v: string | null): v is ImportKind => v !== null && (IMPORT_KINDS as readonly string[]).includes(v);

/** /inventory/import: assets, systems or IP space from CSV/XLSX, osquery results or a Wazuh inventory. */
export function InventoryImportPage() {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const me = useMe();
  const refresh = useRefreshInventory();
  const [params, setParams] = useSearchParams();
  const kind: ImportKind = isKind(params.get('kind')) ? (params.get('kind') as ImportKind) : 'assets';
  const currentId = params.get('id');
  const [org, setOrg] = useState<ScopeOrg | null>(() => defaultScopeOrg(me));
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [onError, setOnError] = useState<ImportOnError>('refuse');
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<number | null>(null);
  const [tried, setTried] = useState(false);

  const setParam = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const formats = FORMATS_BY_KIND[kind];
  const chosenFormat = format !== 'auto' && formats.includes(format) ? format : 'auto';
  const problem = file ? importFileProblem(file) : null;
  const guessed = file ? guessFormat(file.name) : null;

  const start = useMutation({
    mutationFn: (asDryRun: boolean) => {
      if (!file || !org) throw new Error('form incomplete');
      setUpload(0);
      return inventoryApi.startImport(
        { orgId: org.id, kind, format: chosenFormat === 'auto' ? undefined : chosenFormat, onError, dryRun: asDryRun, file },
        { onProgress: setUpload },
      );
    },
    onSuccess: async (imp) => {
      setParam({ id: imp.id });
      await refresh();
    },
    onSettled: () => setUpload(null),
  });

  const submit = (asDryRun: boolean) => {
    setTried(true);
    if (file && org && !problem) start.mutate(asDryRun);
  };

  return (
    <>
      <PageHeader title={t('inventory.import.title')} description={t('inventory.import.description')} />
      <Stack maw={960}>
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrgPicker
                label={t('inventory.import.org')}
                description={t('inventory.import.orgHint')}
                value={org}
                onChange={setOrg}
                required
                clearable={false}
                error={tried && !org ? t('common.required') : undefined}
                testId="import-org"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="import-kind-label">
                  {t('inventory.import.kind')}
                </Text>
                <ChoiceControl
                  aria-labelledby="import-kind-label"
                  data={IMPORT_KINDS.map((k) => ({ value: k, label: labels.importKind(k) }))}
                  value={kind}
                  onChange={(v) => setParam({ kind: v })}
                  fullWidth
                  data-testid="import-kind"
                />
              </Stack>
            </SimpleGrid>
            <Group gap="md" align="flex-end" wrap="wrap">
              <Select
                label={t('inventory.import.format')}
                data={[{ value: 'auto', label: t('inventory.import.formatAuto') }, ...formats.map((f) => ({ value: f, label: labels.importFormat(f) }))]}
                value={chosenFormat}
                onChange={(v) => setFormat((v as ImportFormat | 'auto' | null) ?? 'auto')}
                allowDeselect={false}
                w={260}
                comboboxProps={{ withinPortal: true }}
                data-testid="import-format"
              />
              {chosenFormat === 'auto' && file && (
                <Text size="xs" c="dimmed" mb={8} data-testid="import-guess">
                  {guessed ? t('inventory.import.guessed', { format: labels.importFormat(guessed) }) : t('inventory.import.guessByContent')}
                </Text>
              )}
            </Group>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('inventory.import.templates')}
              </Text>
              <Group gap="md">
                <Anchor href={inventoryApi.templateUrl(kind, 'xlsx')} download data-testid="template-xlsx" size="sm">
                  {t('inventory.import.templateXlsx', { kind: labels.importKind(kind) })}
                </Anchor>
                <Anchor href={inventoryApi.templateUrl(kind, 'csv')} download data-testid="template-csv" size="sm">
                  {t('inventory.import.templateCsv', { kind: labels.importKind(kind) })}
                </Anchor>
              </Group>
              {kind === 'assets' && (
                <Text size="xs" c="dimmed">
                  {t('inventory.import.agentHint')}
                </Text>
              )}
            </Stack>
            <Radio.Group label={t('inventory.import.onError')} value={onError} onChange={(v) => setOnError(v as ImportOnError)}>
              <Stack gap={8} mt={6}>
                <Radio value="keep" label={t('inventory.import.keep')} description={t('inventory.import.keepHint')} data-testid="on-error-keep" />
                <Radio value="refuse" label={t('inventory.import.refuse')} description={t('inventory.import.refuseHint')} data-testid="on-error-refuse" />
              </Stack>
            </Radio.Group>
            <Checkbox
              label={t('inventory.import.dryRun')}
              description={t('inventory.import.dryRunHint')}
              checked={dryRun}
              onChange={(e) => setDryRun(e.currentTarget.checked)}
              data-testid="import-dry-run"
            />
            <ImportDropZone
              file={file}
              onChange={(f) => {
                setFile(f);
                start.reset();
              }}
              error={
                problem
                  ? t(`inventory.import.fileProblem.${problem}`, { mb: IMPORT_MAX_BYTES / 1024 / 1024 })
                  : tried && !file
                    ? t('inventory.import.fileRequired')
                    : undefined
              }
            />
            {upload !== null && (
              <Stack gap={4}>
                <Progress value={Math.round(upload * 100)} striped animated={upload >= 1} aria-label={t('inventory.import.uploadLabel')} />
                <Text size="xs" c="dimmed">
                  {upload < 1 ? t('inventory.import.uploading', { pct: Math.round(upload * 100) }) : t('inventory.import.queued')}
                </Text>
              </Stack>
            )}
            <InventoryError error={start.error} />
            <Group>
              <Button onClick={() => submit(dryRun)} loading={start.isPending} data-testid="import-start">
                {dryRun ? t('inventory.import.startDryRun') : t('inventory.import.start')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {currentId && <ImportView key={currentId} id={currentId} />}
        <RecentImports orgId={org?.id ?? null} currentId={currentId} onOpen={(id) => setParam({ id })} />
      </Stack>
    </>
  );
}
