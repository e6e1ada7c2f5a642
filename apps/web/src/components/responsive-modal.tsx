import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog that fills the screen on phones (under 48em) and is centred elsewhere. */
export function ResponsiveModal(props: ModalProps) {
  const small = useMediaQuery('(max-width: 48em)') ?? false;
  return <Modal size="lg" centered={!small} fullScreen={small} {...props} />;
}
