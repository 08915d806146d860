/** The newsletter's sections as tabs, shown at the top of each of its pages. */
import { Tabs } from '@mantine/core';
import { useLocation } from 'wouter';
import type { Permission } from '../../../shared/roles.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { useI18n } from '../../i18n/i18n-context.js';

export const NEWSLETTER_SECTIONS = [
  { key: 'issues', path: '/newsletter' },
  { key: 'subscribers', path: '/newsletter/subscribers', permission: 'subscribers:read' },
  { key: 'lists', path: '/newsletter/lists', permission: 'subscribers:read' },
  { key: 'segments', path: '/newsletter/segments', permission: 'subscribers:read' },
  { key: 'imports', path: '/newsletter/imports', permission: 'subscribers:manage' },
  { key: 'settings', path: '/newsletter/settings', permission: 'newsletter:settings' },
] as const satisfies ReadonlyArray<{ key: string; path: string; permission?: Permission }>;

export type NewsletterSection = (typeof NEWSLETTER_SECTIONS)[number]['key'];

export function NewsletterNav({ active }: { active: NewsletterSection }) {
  const { t } = useI18n();
  const { can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const sections = NEWSLETTER_SECTIONS.filter((section) => !('permission' in section) || can(section.permission));
  return (
    <Tabs value={active} onChange={(value) => navigate(href(sections.find((section) => section.key === value)?.path ?? '/newsletter'))}>
      <Tabs.List aria-label={t('newsletter.section.label')}>
        {sections.map((section) => (
          <Tabs.Tab key={section.key} value={section.key}>
            {t(`newsletter.section.${section.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
