import type { User } from '@khien/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/use-now';

export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const now = useNow();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
  return (
    <Group gap={4} wrap="wrap">
      {user.disabled ? (
        <Badge color="gray" variant="filled" size="sm">
          {t('users.status.disabled')}
        </Badge>
      ) : (
        <Badge color="teal" variant="light" size="sm">
          {t('users.status.active')}
        </Badge>
      )}
      {locked && (
        <Badge color="red" variant="light" size="sm">
          {t('users.status.locked')}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="yellow" variant="light" size="sm">
          {t('users.status.mustChangePassword')}
        </Badge>
      )}
      {user.totpEnabled && (
        <Badge color="blue" variant="light" size="sm">
          {t('users.status.totp')}
        </Badge>
      )}
    </Group>
  );
}
