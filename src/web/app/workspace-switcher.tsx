/** Lists the member's workspaces (from /api/me); choosing one opens its organisations. */
import { NativeSelect, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { pickLocalized } from '../../shared/localized-text.js';
import { useMe } from '../api/session.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useCurrentWorkspace } from './workspace-context.js';

export function WorkspaceSwitcher() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const current = useCurrentWorkspace();
  const [, navigate] = useLocation();
  if (!me || me.workspaces.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        {t('web.workspace.none')}
      </Text>
    );
  }
  const nameOf = (workspace: (typeof me.workspaces)[number]) =>
    pickLocalized(workspace.name as never, locale, workspace.contentLanguages)?.value ?? workspace.slug;
  return (
    <NativeSelect
      label={t('web.workspace.label')}
      value={current?.workspace.id ?? ''}
      onChange={(event) => navigate(`/w/${event.currentTarget.value}/organisations`)}
      data={me.workspaces.map((workspace) => ({ value: workspace.id, label: `${nameOf(workspace)} · ${t(`roles.${workspace.role}`)}` }))}
      mb="sm"
    />
  );
}
