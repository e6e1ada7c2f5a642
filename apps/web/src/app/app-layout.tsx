import { AppShell, Burger, Button, Group, Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { NotificationBell } from '../features/notifications';
import { useAuth, useMe } from '../lib/auth-context';
import { LanguageSwitch } from '../components/language-switch';
import { visibleNavItems } from './nav-items';

/** Marks the nav entry for the deepest matching route: "/orgs/import" must not also light up "/orgs". */
function activeTarget(pathname: string, targets: string[]): string | null {
  let best: string | null = null;
  for (const to of targets) {
    if ((pathname === to || pathname.startsWith(`${to}/`)) && (!best || to.length > best.length)) best = to;
  }
  return best;
}

export function AppLayout() {
  const { t } = useTranslation();
  const { can, signOut } = useAuth();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // the next page's chunk is on its way (a weak link can take a second): the current page stays, and says so
  const navigating = useNavigation().state === 'loading';
  const items = visibleNavItems(
    can,
    me.grants.map((g) => g.role),
  );
  const active = activeTarget(
    location.pathname,
    items.map((i) => i.to),
  );

  // On phones the menu is an overlay: close it after navigating.
  useEffect(() => {
    close();
  }, [location.pathname, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'xs', sm: 'md' }}>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              data-testid="nav-burger"
            />
            <Text fw={700} size="lg" c="red.8">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {navigating && <Loader size="xs" aria-label={t('common.loading')} data-testid="page-loading" />}
            <Text size="sm" visibleFrom="sm" truncate maw={220} data-testid="current-user">
              {me.fullName}
            </Text>
            <NotificationBell />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink key={item.to} component={RouterNavLink} to={item.to} end label={t(item.labelKey)} active={active === item.to} data-testid={item.testId} />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={4} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={500} truncate>
              {me.fullName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {me.email}
            </Text>
            <Button variant="light" color="gray" size="xs" onClick={() => void signOut()} data-testid="sign-out">
              {t('auth.signOut')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
