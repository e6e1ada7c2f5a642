import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';

/**
 * Unsaved edits are not lost by a tap on a link or the back button: leaving the page asks first
 * (the app's own links through the router; closing or reloading the tab through the browser's own
 * "leave site?" prompt).
 */
export function UnsavedGuard({ count }: { count: number }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => count > 0 && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (count === 0) return undefined;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // older browsers show the prompt only when a value is set
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [count]);
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('assignments.leave.title')}
      message={t('assignments.leave.body', { n: count })}
      confirmLabel={t('assignments.leave.confirm')}
      danger
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    />
  );
}
