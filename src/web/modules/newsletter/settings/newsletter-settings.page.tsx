/**
 * The newsletter's sending settings: sender, throttling, tracking, DKIM and bounces. Admins change
 * them; officers (who send) read them; the bounce list is for those who see subscribers.
 */
import { Alert, Stack, Title } from '@mantine/core';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useT } from '../../../i18n/i18n-context.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { BouncesSection } from './bounces-section.js';
import { useNewsletterSettings } from './settings-api.js';
import { SettingsForm } from './settings-form.js';

export function NewsletterSettingsPage() {
  const t = useT();
  const { workspace, can } = useWorkspace();
  const settings = useNewsletterSettings(workspace.id);
  const canManage = can('newsletter:settings');
  return (
    <Stack maw={960}>
      <NewsletterNav active="settings" />
      <Title order={1} size="h2">
        {t('newsletterStats.settings.title')}
      </Title>
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <PageLoader /> : null}
      {settings.data ? (
        <>
          {canManage ? null : (
            <Alert color="gray" role="note">
              {t('newsletterStats.settings.readOnly')}
            </Alert>
          )}
          <SettingsForm workspaceId={workspace.id} saved={settings.data} canManage={canManage} />
          {can('subscribers:read') ? (
            <BouncesSection
              workspaceId={workspace.id}
              saved={settings.data}
              canManageSettings={canManage}
              canMark={can('subscribers:manage')}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
