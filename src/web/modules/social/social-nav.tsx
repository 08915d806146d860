/** The social sections as tabs, shown at the top of each of its pages. */
import { Tabs } from '@mantine/core';
import { useLocation } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { useI18n } from '../../i18n/i18n-context.js';

export const SOCIAL_SECTIONS = [
  { key: 'posts', path: '/social' },
  { key: 'inbox', path: '/social/inbox' },
  { key: 'insights', path: '/social/insights' },
  { key: 'channels', path: '/social/channels' },
] as const;

export type SocialSection = (typeof SOCIAL_SECTIONS)[number]['key'];

export function SocialNav({ active }: { active: SocialSection }) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  const [, navigate] = useLocation();
  return (
    <Tabs value={active} onChange={(value) => navigate(href(SOCIAL_SECTIONS.find((section) => section.key === value)?.path ?? '/social'))}>
      <Tabs.List aria-label={t('social.section.label')}>
        {SOCIAL_SECTIONS.map((section) => (
          <Tabs.Tab key={section.key} value={section.key}>
            {t(`social.section.${section.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
