/** The studio's sections as tabs, shown at the top of each of its pages. */
import { Tabs } from '@mantine/core';
import { useLocation } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { useI18n } from '../../i18n/i18n-context.js';

export const STUDIO_SECTIONS = [
  { key: 'designs', path: '/studio' },
  { key: 'documents', path: '/studio/documents' },
  { key: 'assets', path: '/studio/assets' },
  { key: 'brand', path: '/studio/brand' },
] as const;

export type StudioSection = (typeof STUDIO_SECTIONS)[number]['key'];

export function StudioNav({ active }: { active: StudioSection }) {
  const { t } = useI18n();
  const { href } = useWorkspace();
  const [, navigate] = useLocation();
  return (
    <Tabs value={active} onChange={(value) => navigate(href(STUDIO_SECTIONS.find((section) => section.key === value)?.path ?? '/studio'))}>
      <Tabs.List aria-label={t('studio.section.label')}>
        {STUDIO_SECTIONS.map((section) => (
          <Tabs.Tab key={section.key} value={section.key}>
            {t(`studio.section.${section.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
