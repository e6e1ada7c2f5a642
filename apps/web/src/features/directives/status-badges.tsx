import type { AssignmentStatus, DirectiveStatus } from '@khien/contracts';
import { Badge, type BadgeProps } from '@mantine/core';
import { ASSIGNMENT_STATUS_COLORS, DIRECTIVE_STATUS_COLORS, useDirectiveLabels } from './directive-labels';

type Size = BadgeProps['size'];

export function DirectiveStatusBadge({ status, size = 'sm' }: { status: DirectiveStatus; size?: Size }) {
  const labels = useDirectiveLabels();
  return (
    <Badge
      color={DIRECTIVE_STATUS_COLORS[status]}
      variant="light"
      size={size}
      data-testid="directive-status"
      data-status={status}
      style={{ flexShrink: 0, width: 'max-content', maxWidth: 'none' }}
    >
      {labels.directiveStatus(status)}
    </Badge>
  );
}

export function AssignmentStatusBadge({ status, size = 'sm' }: { status: AssignmentStatus; size?: Size }) {
  const labels = useDirectiveLabels();
  return (
    <Badge
      color={ASSIGNMENT_STATUS_COLORS[status]}
      variant="light"
      size={size}
      data-testid="assignment-status"
      data-status={status}
      style={{ flexShrink: 0, width: 'max-content', maxWidth: 'none' }}
    >
      {labels.assignmentStatus(status)}
    </Badge>
  );
}
