import type { Permission, Role } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { BOARD_ROLES } from '../features/alerts/alert-model';
import { BOARD_NAV_ROLES, visibleNavItems } from './nav-items';

const shown = (permissions: Permission[], roles: Role[]) => visibleNavItems((p) => permissions.includes(p), roles).map((i) => i.to);

describe('the menu', () => {
  it('lists the alert board for the roles the board itself lets in', () => {
    // repeated in nav-items.ts so that the menu does not load the alerts feature on every page
    expect([...BOARD_NAV_ROLES]).toEqual([...BOARD_ROLES]);
    expect(shown(['alert:read'], ['commune_coordinator'])).toContain('/alerts/board');
    expect(shown(['alert:read'], ['duty_officer'])).not.toContain('/alerts/board');
  });

  it('shows the duty officer the queue and the roster, not the settings', () => {
    const items = shown(['alert:read', 'alert:act', 'duty:read'], ['duty_officer']);
    expect(items).toEqual(expect.arrayContaining(['/alerts', '/duty']));
    expect(items).not.toContain('/alerts/settings');
    expect(shown(['alert:read', 'alert:configure'], ['province_coordinator'])).toContain('/alerts/settings');
  });
});
