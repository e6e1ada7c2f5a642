import { Text, Tooltip, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A long name (a task, a directive's subject) cut after `lines` lines with "…", shown in full on
 * hover, on keyboard focus and on a tap (a phone has no hover). The whole text stays in the page,
 * so a screen reader reads it all.
 */
export function ClampedText({
  text,
  lines = 2,
  focusable = true,
  children,
  ...props
}: { text: string; lines?: number; /** false inside a link or button, which takes the focus itself */ focusable?: boolean; children?: ReactNode } & TextProps) {
  return (
    <Tooltip label={text} multiline maw={360} withArrow events={{ hover: true, focus: true, touch: true }} openDelay={300}>
      <Text lineClamp={lines} tabIndex={focusable ? 0 : undefined} style={{ overflowWrap: 'anywhere' }} {...props}>
        {children ?? text}
      </Text>
    </Tooltip>
  );
}
