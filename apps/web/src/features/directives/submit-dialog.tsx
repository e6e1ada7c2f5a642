import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../components/responsive-modal';
import type { SubmitCheck } from './assignment-model';
import type { AssignmentTask } from './directives-api';

interface SubmitDialogProps {
  check: SubmitCheck<AssignmentTask> | null;
  loading: boolean;
  error: React.ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  /** Scrolls to a task card and closes the dialog. */
  onGoTo: (taskId: string) => void;
}

function TaskList({ items, onGoTo, reasons }: { items: SubmitCheck<AssignmentTask>['unreported']; onGoTo: (id: string) => void; reasons?: boolean }) {
  return (
    <List spacing={6} size="sm" data-testid="submit-task-list">
      {items.map(({ task, position }) => (
        <List.Item key={task.id}>
          <Button variant="subtle" size="compact-sm" px={4} onClick={() => onGoTo(task.id)} style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}>
            {position}. {task.text.length > 160 ? `${task.text.slice(0, 160)}…` : task.text}
          </Button>
          {reasons && task.naReason && (
            <Text size="xs" c="dimmed" ml={4}>
              {task.naReason}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Before a report goes: refused, with the list, while a task is not reported (the server refuses
 * too); asked again, with the list and their reasons, when tasks are reported as not done.
 */
export function SubmitDialog({ check, loading, error, onConfirm, onClose, onGoTo }: SubmitDialogProps) {
  const { t } = useTranslation();
  const refused = (check?.unreported.length ?? 0) > 0;
  return (
    <ResponsiveModal
      opened={check !== null}
      onClose={onClose}
      title={refused ? t('assignments.submit.refusedTitle') : t('assignments.submit.confirmTitle')}
      size="md"
    >
      {check && (
        <Stack data-testid={refused ? 'submit-refused' : 'submit-confirm'}>
          {refused ? (
            <>
              <Alert color="orange" variant="light">
                <Text size="sm">{t('assignments.submit.refusedBody', { n: check.unreported.length })}</Text>
              </Alert>
              <TaskList items={check.unreported} onGoTo={onGoTo} />
            </>
          ) : (
            <>
              <Text size="sm">{t('assignments.submit.confirmBody', { n: check.notDone.length })}</Text>
              <TaskList items={check.notDone} onGoTo={onGoTo} reasons />
            </>
          )}
          {error}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {refused ? t('common.close') : t('assignments.submit.back')}
            </Button>
            {refused ? (
              <Button onClick={() => onGoTo(check.unreported[0]!.task.id)}>{t('assignments.submit.goToFirst')}</Button>
            ) : (
              <Button color="teal" loading={loading} onClick={onConfirm} data-testid="submit-anyway">
                {t('assignments.submit.anyway')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </ResponsiveModal>
  );
}
