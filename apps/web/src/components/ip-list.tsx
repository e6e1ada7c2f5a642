import { Text, type TextProps } from '@mantine/core';
import { Fragment } from 'react';

/**
 * IP addresses and ranges as a person reads them: a line may break between two addresses, never
 * inside one ("2001:ee0:4141:1a::25" cut after "2001:ee0:" reads as another address).
 */
export function IpList({ ips, empty = '—', ...props }: { ips: readonly string[]; empty?: string } & TextProps) {
  return (
    <Text ff="monospace" {...props}>
      {ips.length === 0
        ? empty
        : ips.map((ip, i) => (
            <Fragment key={`${ip}-${i}`}>
              {i > 0 && ', '}
              <span style={{ whiteSpace: 'nowrap', display: 'inline-block' }}>{ip}</span>
            </Fragment>
          ))}
    </Text>
  );
}
