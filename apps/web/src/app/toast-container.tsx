import { Notifications } from '@mantine/notifications';

/** The toasts' container, in a chunk of its own (app.tsx loads it with the first toast). */
export function ToastContainer() {
  return <Notifications position="top-right" />;
}
