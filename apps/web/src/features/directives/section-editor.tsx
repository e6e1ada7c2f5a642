import type { RecipientRule } from '@khien/contracts';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from './directive-icons';
import { emptyTask, moveItem, type SectionDraft, type TaskDraft } from './editor-model';
import { RecipientRuleEditor } from './recipient-rule-editor';
import { flagProps, type FieldFlags } from './low-confidence';

interface MoveButtonsProps {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Accessible names, e.g. "Chuyển nhiệm vụ 2 lên". */
  names: { up: string; down: string; remove: string };
}

export function MoveButtons({ index, count, onMove, onRemove, names }: MoveButtonsProps) {
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={names.up}>
        <ArrowUpIcon />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={names.down}>
        <ArrowDownIcon />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={names.remove}>
        <TrashIcon />
      </ActionIcon>
    </Group>
  );
}

interface SectionEditorProps {
  section: SectionDraft;
  index: number;
  count: number;
  onChange: (section: SectionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  error: (path: string) => string | undefined;
  directiveId?: string;
  defaultRule: RecipientRule | null;
  ownRule: RecipientRule | null;
  flags?: FieldFlags;
}

export function SectionEditor({ section, index, count, onChange, onMove, onRemove, error, directiveId, defaultRule, ownRule, flags }: SectionEditorProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const path = `sections.${index}`;
  const setTasks = (tasks: TaskDraft[]) => onChange({ ...section, tasks });
  const setTask = (j: number, text: string) => setTasks(section.tasks.map((task, k) => (k === j ? { ...task, text } : task)));

  return (
    <Paper withBorder p="sm" data-testid={`section-editor-${n}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t('directives.editor.sectionN', { n })}</Text>
          <MoveButtons
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            names={{
              up: t('directives.editor.sectionUp', { n }),
              down: t('directives.editor.sectionDown', { n }),
              remove: t('directives.editor.sectionRemove', { n }),
            }}
          />
        </Group>
        <Textarea
          label={t('directives.editor.heading')}
          autosize
          minRows={1}
          maxRows={6}
          value={section.heading}
          onChange={(e) => onChange({ ...section, heading: e.currentTarget.value })}
          maxLength={1000}
          {...flagProps(flags, `section:${section.key}`)}
        />
        <TextInput
          label={t('directives.editor.addressees')}
          description={t('directives.editor.addresseesHint')}
          value={section.addressees}
          onChange={(e) => onChange({ ...section, addressees: e.currentTarget.value })}
          maxLength={500}
        />
        <RecipientRuleEditor
          label={t('directives.rule.sectionLabel')}
          noneLabel={t('directives.rule.inherit')}
          value={section.rule}
          onChange={(rule) => onChange({ ...section, rule })}
          error={error(`${path}.rule`)}
          directiveId={directiveId}
          previewRule={ownRule ?? defaultRule}
        />
        <Text fw={500} size="sm" mt="xs">
          {t('directives.editor.tasks', { n: section.tasks.length })}
        </Text>
        {section.tasks.map((task, j) => (
          <Group key={task.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="task-editor">
            <Text size="sm" fw={600} w={24} pt={8} ta="right" style={{ flexShrink: 0 }}>
              {j + 1}.
            </Text>
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Textarea
                aria-label={t('directives.editor.taskN', { section: n, n: j + 1 })}
                autosize
                minRows={1}
                maxRows={10}
                value={task.text}
                onChange={(e) => setTask(j, e.currentTarget.value)}
                error={error(`${path}.tasks.${j}.text`) ?? error(`${path}.tasks.${j}.parentTaskId`)}
                maxLength={4000}
                {...flagProps(flags, `task:${task.key}`)}
              />
              {task.parentTaskId && (
                <Badge
                  variant="light"
                  color="grape"
                  size="xs"
                  title={t('directives.editor.fromReceivedHint')}
                  data-testid="task-from-received"
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('directives.editor.fromReceived')}
                </Badge>
              )}
            </Stack>
            <MoveButtons
              index={j}
              count={section.tasks.length}
              onMove={(to) => setTasks(moveItem(section.tasks, j, to))}
              onRemove={() => setTasks(section.tasks.filter((_, k) => k !== j))}
              names={{
                up: t('directives.editor.taskUp', { section: n, n: j + 1 }),
                down: t('directives.editor.taskDown', { section: n, n: j + 1 }),
                remove: t('directives.editor.taskRemove', { section: n, n: j + 1 }),
              }}
            />
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" onClick={() => setTasks([...section.tasks, emptyTask()])}>
            {t('directives.editor.addTask')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
