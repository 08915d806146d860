/**
 * The frame of every signed-in page: header (burger, workspace, language, account) and a navbar that
 * collapses to the burger on phones. Mantine places the navbar on the inline-start side, so Arabic
 * mirrors it without any override.
 */
import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import type { Permission } from '../../shared/roles.js';
import { ME_QUERY_KEY, signOut, updateMyLocale, useMe } from '../api/session.js';
import { LocalizedValue } from '../components/localized-value.js';
import { useI18n } from '../i18n/i18n-context.js';
import { clearExplicitLocale, isLocaleExplicit } from '../i18n/locale-preference.js';
import { LanguageSwitch } from './language-switch.js';
import { NotificationsBell } from './notifications-bell.js';
import { rememberWorkspace, useCurrentWorkspace } from './workspace-context.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';

interface NavItem {
  path: string;
  label: string;
  permission?: Permission;
  /** Outside any workspace (the account page). */
  isGlobal?: boolean;
}

/** The account's language applies after sign-in, unless the person just picked one on this device. */
function useAccountPreferences() {
  const { data: me } = useMe();
  const { locale, setLocale, setArabicDigits } = useI18n();
  const current = useCurrentWorkspace();
  const accountLocale = me?.user.locale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the account changes, not on every language switch.
  useEffect(() => {
    if (!accountLocale) return;
    if (isLocaleExplicit()) {
      clearExplicitLocale();
      if (accountLocale !== locale) updateMyLocale(locale).catch(() => undefined);
    } else if (accountLocale !== locale) {
      setLocale(accountLocale);
    }
  }, [accountLocale]);
  const digits = current?.workspace.arabicDigits ?? 'latn';
  const workspaceId = current?.workspace.id;
  useEffect(() => {
    setArabicDigits(digits);
    if (workspaceId) rememberWorkspace(workspaceId);
  }, [digits, workspaceId, setArabicDigits]);
}

export function WorkspaceShell({ children }: { children: ReactNode }) {
  const [isOpen, { toggle, close }] = useDisclosure();
  const { t } = useI18n();
  const { data: me } = useMe();
  const current = useCurrentWorkspace();
  const [location, navigate] = useLocation();
  const queryClient = useQueryClient();
  useAccountPreferences();

  const main: NavItem[] = [
    { path: '/organisations', label: t('web.nav.organisations') },
    { path: '/people', label: t('web.nav.people') },
    { path: '/calendar', label: t('calendar.nav') },
    { path: '/campaigns', label: t('campaigns.nav.campaigns') },
    { path: '/my-tasks', label: t('campaigns.nav.myTasks') },
    { path: '/planning-templates', label: t('campaigns.nav.templates') },
    { path: '/plan', label: t('plan.title') },
    { path: '/needs', label: t('needs.title') },
    { path: '/newsletter', label: t('newsletter.nav') },
    { path: '/studio', label: t('studio.nav') },
    { path: '/social', label: t('social.nav') },
  ];
  const adminItems: NavItem[] = [
    { path: '/admin/members', label: t('web.nav.members'), permission: 'members:manage' },
    { path: '/admin/settings', label: t('web.nav.settings'), permission: 'workspace:manage' },
    { path: '/admin/jobs', label: t('web.nav.jobs'), permission: 'jobs:manage' },
    { path: '/admin/audit', label: t('web.nav.audit'), permission: 'audit:read' },
    { path: '/admin/outbox', label: t('web.nav.outbox'), permission: 'outbox:read' },
    { path: '/holidays', label: t('campaigns.nav.holidays'), permission: 'holidays:manage' },
  ];
  const admin = adminItems.filter((item) => item.permission && current?.can(item.permission));

  const link = (item: NavItem) => {
    const href = current && !item.isGlobal ? current.href(item.path) : item.path;
    return (
      <NavLink
        key={item.path}
        component={Link}
        href={href}
        label={item.label}
        active={location.startsWith(href)}
        variant="filled"
        onClick={close}
      />
    );
  };

  const doSignOut = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    await queryClient.setQueryData(ME_QUERY_KEY, null);
    navigate('/sign-in');
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !isOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger opened={isOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('web.nav.menu')} />
            <Text fw={700} c="teal.9">
              Tawasul
            </Text>
            {current ? (
              <LocalizedValue
                value={current.workspace.name}
                fallbacks={current.workspace.contentLanguages}
                c="dimmed"
                truncate
                visibleFrom="xs"
              />
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {current ? <NotificationsBell workspaceId={current.workspace.id} /> : null}
            <LanguageSwitch size="xs" />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t('web.nav.userMenu')}>
                  <Avatar size="sm" color="teal" variant="filled" />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <bdi>{me?.user.name}</bdi>
                </Menu.Label>
                <Menu.Item component={Link} href="/account">
                  {t('web.nav.account')}
                </Menu.Item>
                <Menu.Item color="red" onClick={doSignOut}>
                  {t('web.nav.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('web.nav.label')} component="nav" data-testid="navbar">
        <AppShell.Section>
          <WorkspaceSwitcher />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          {main.map(link)}
          {admin.length > 0 ? (
            <>
              <Text size="xs" fw={700} c="dimmed" mt="md" mb={4} px="sm">
                {t('web.nav.admin')}
              </Text>
              {admin.map(link)}
            </>
          ) : null}
          {link({ path: '/account', label: t('web.nav.account'), isGlobal: true })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
