import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * A segmented choice that stays whole on a phone: side by side where the options fit, one under
 * the other across the full width below 36em (four Vietnamese labels side by side are ~480 px).
 */
export function ChoiceControl(props: SegmentedControlProps) {
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  return narrow ? (
    <SegmentedControl orientation="vertical" fullWidth {...props} style={{ ...props.style, alignSelf: 'stretch' }} />
  ) : (
    <SegmentedControl {...props} />
  );
}
