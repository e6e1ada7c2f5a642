import type { RegulationPack, System } from '@khien/contracts';
import { Alert, Button, Grid, Group, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { SECURITY_LEVELS } from '../../lib/enums';
import { LevelBadge, MarkBadge } from './badges';
import { inventoryApi, inventoryKeys, useClassifications, usePack, usePackChoice, useRefreshInventory } from './inventory-api';
import { InventoryError } from './inventory-error';
import { useInventoryLabels } from './inventory-labels';
import { QuestionField } from './question-field';
import { cleanAnswers, hasAnyAnswer, latestAnswers, overrideProblem, questionsFor, startingAnswers, type Answers, type RecordField } from './wizard-model';

interface ClassifyWizardProps {
  system: System;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** "Xác định cấp độ": the pack's questions, the live proposal with its reasons, and the level to record. */
export function ClassifyWizard({ system, opened, onClose, onSaved }: ClassifyWizardProps) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('inventory.wizard.title')} size="80rem">
      {opened && <WizardLoader system={system} onClose={onClose} onSaved={onSaved} />}
    </ResponsiveModal>
  );
}

function WizardLoader({ system, onClose, onSaved }: Omit<ClassifyWizardProps, 'opened'>) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const choice = usePackChoice(system.orgId);
  const history = useClassifications(system.id);
  const [picked, setPicked] = useState<string | null>(null);
  const packId = picked ?? choice.data?.packId ?? null;
  const pack = usePack(packId);

  if (choice.isError) return <ErrorAlert error={choice.error} />;
  if (choice.isPending || history.isPending) return <Loader aria-label={t('common.loading')} />;
  const packs = choice.data.packs;
  return (
    <Stack>
      <Select
        label={t('inventory.wizard.pack')}
        description={
          packId === choice.data.packId
            ? t('inventory.wizard.packInForce')
            : t('inventory.wizard.packNotInForce', { pack: labels.pack(packs.find((p) => p.id === choice.data.packId) ?? null, choice.data.packId) })
        }
        data={packs.map((p) => ({ value: p.id, label: labels.pack(p, p.id) }))}
        value={packId}
        onChange={(v) => v && setPicked(v)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-testid="wizard-pack"
      />
      {pack.isError && <ErrorAlert error={pack.error} />}
      {pack.isPending && <Loader aria-label={t('common.loading')} />}
      {pack.data && (
        <PackWizard
          key={pack.data.id}
          system={system}
          pack={pack.data}
          latest={latestAnswers(history.data ?? [], pack.data.id)}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Stack>
  );
}

interface PackWizardProps {
  system: System;
  pack: RegulationPack;
  /** the answers of the latest classification under this pack; the record fills the rest */
  latest: Answers;
  onClose: () => void;
  onSaved: () => void;
}

function PackWizard({ system, pack, latest, onClose, onSaved }: PackWizardProps) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const refresh = useRefreshInventory();
  const questions = useMemo(() => questionsFor(pack.criteria.questions, system.category), [pack, system.category]);
  // the wizard starts from what the system's own record already says (users, data, personal data)
  const [start] = useState(() => startingAnswers(questions, latest, system));
  const [answers, setAnswers] = useState<Answers>(start.answers);
  const [prefilled, setPrefilled] = useState<Record<string, RecordField[]>>(start.prefilled);
  const [chosen, setChosen] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const clean = useMemo(() => cleanAnswers(questions, answers), [questions, answers]);
  const [debounced] = useDebouncedValue(clean, 350);
  const previewBody = { packId: pack.id, answers: debounced, preview: true, version: system.version };
  const preview = useQuery({
    queryKey: inventoryKeys.preview(system.id, previewBody),
    queryFn: () => inventoryApi.classify(system.id, previewBody),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled: hasAnyAnswer(debounced),
  });
  // no answer, no level: a proposal from nothing would read as "level 1" before anyone said anything
  const answered = hasAnyAnswer(clean);
  const proposed = answered ? (preview.data?.proposedLevel ?? null) : null;
  const level = chosen !== null && proposed !== null && chosen >= proposed ? chosen : proposed;
  const problem = overrideProblem(proposed, level, note);
  const unanswered = questions.filter((q) => !(q.id in clean));
  const settling = answered && (preview.isFetching || debounced !== clean);

  const save = useMutation({
    mutationFn: () =>
      inventoryApi.classify(system.id, {
        packId: pack.id,
        answers: clean,
        preview: false,
        version: system.version,
        ...(level !== null && proposed !== null && level > proposed ? { level, levelNote: note.trim() } : {}),
      }),
    onSuccess: async () => {
      await refresh();
      onSaved();
    },
  });

  const setAnswer = (id: string, value: Answers[string] | undefined) => {
    setPrefilled((prev) => {
      if (!(id in prev)) return prev;
      const next = { ...prev };
      delete next[id];
      return next;
    });
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  };

  const blocked = unanswered.length > 0 || problem !== null || proposed === null || settling;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm" data-testid="wizard-questions">
          <Text size="sm" c="dimmed">
            {t('inventory.wizard.intro', { category: labels.category(system.category) })}
          </Text>
          {questions.map((q, i) => (
            <QuestionField key={q.id} q={q} position={i + 1} value={answers[q.id]} prefilledFrom={prefilled[q.id]} onChange={(v) => setAnswer(q.id, v)} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="sm" radius="md" style={{ position: 'sticky', top: 72 }} data-testid="wizard-result">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Title order={5}>{t('inventory.wizard.proposed')}</Title>
              {preview.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
            </Group>
            <Group gap="xs" data-testid="wizard-proposed" data-level={proposed ?? ''}>
              {answered ? (
                <LevelBadge level={proposed} size="xl" />
              ) : (
                <Text size="sm" c="dimmed" data-testid="wizard-no-answer">
                  {t('inventory.wizard.noAnswerYet')}
                </Text>
              )}
            </Group>
            {Object.keys(prefilled).length > 0 && (
              <Text size="xs" c="blue.8" data-testid="wizard-prefilled" data-count={Object.keys(prefilled).length}>
                {t('inventory.wizard.prefilledSummary', { n: Object.keys(prefilled).length })}
              </Text>
            )}
            {preview.isError && <InventoryError error={preview.error} />}
            {unanswered.length > 0 && (
              <Text size="sm" c="orange.8" data-testid="wizard-unanswered">
                {t('inventory.wizard.unanswered', { n: unanswered.length })}
              </Text>
            )}
            {answered && preview.data && preview.data.reasons.length > 0 && (
              <Stack gap={6} data-testid="wizard-reasons">
                <Text size="sm" fw={600}>
                  {t('inventory.wizard.reasons')}
                </Text>
                {preview.data.reasons.map((r, i) => (
                  <Group key={`${r.questionId}-${r.optionId ?? ''}-${i}`} gap={6} wrap="nowrap" align="flex-start">
                    <LevelBadge level={r.minLevel} size="xs" />
                    <Text size="xs" style={{ flex: 1 }}>
                      {labels.text(r.text)}
                    </Text>
                    <MarkBadge mark={r.mark} />
                  </Group>
                ))}
              </Stack>
            )}
            <Select
              label={t('inventory.wizard.level')}
              description={t('inventory.wizard.levelHint')}
              data={SECURITY_LEVELS.filter((l) => proposed === null || l >= proposed).map((l) => ({ value: String(l), label: labels.level(l) }))}
              value={level !== null ? String(level) : null}
              onChange={(v) => setChosen(v ? Number(v) : null)}
              allowDeselect={false}
              disabled={proposed === null}
              comboboxProps={{ withinPortal: true }}
              data-testid="wizard-level"
            />
            {level !== null && proposed !== null && level > proposed && (
              <Textarea
                label={t('inventory.wizard.levelNote')}
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                withAsterisk
                maxLength={2000}
                error={tried && problem === 'noteRequired' ? t('inventory.wizard.levelNoteRequired') : undefined}
              />
            )}
            <Alert color="gray" variant="light" p="xs">
              <Text size="xs">{t('inventory.wizard.marksHint')}</Text>
            </Alert>
            <InventoryError error={save.error} onReload={() => void refresh()} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => {
                  setTried(true);
                  if (!blocked) save.mutate();
                }}
                disabled={unanswered.length > 0 || proposed === null || settling}
                loading={save.isPending}
                data-testid="wizard-save"
              >
                {t('inventory.wizard.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
