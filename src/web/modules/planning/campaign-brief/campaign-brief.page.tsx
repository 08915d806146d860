/** A campaign's brief: the text in every content language beside its review (the approval workflow's first content type). */
import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { CAMPAIGN_BRIEF_CONTENT_TYPE, CAMPAIGN_BRIEF_MAX_LENGTH } from '../../../../shared/planning/campaign-brief.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { LocalizedVersions } from '../../directory/localized-versions.js';
import { reviewQueryKey } from '../../review/review-api.js';
import { ReviewPanel } from '../../review/review-panel.js';
import { type CampaignBrief, campaignBriefQueryKey, updateCampaignBrief, useCampaignBrief } from './campaign-brief-api.js';

function BriefEditor({ brief, languages }: { brief: CampaignBrief; languages: readonly string[] }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<LocalizedText>(() => completeLocalized(brief.brief, languages));
  const mutation = useMutation({
    mutationFn: () => updateCampaignBrief(workspace.id, brief.campaignId, { brief: value, expectedUpdatedAt: brief.updatedAt }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignBriefQueryKey(workspace.id, brief.campaignId), saved);
      // An edit can send an approved brief back to review.
      await queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, CAMPAIGN_BRIEF_CONTENT_TYPE, brief.campaignId) });
    },
  });
  const fields = fieldsFromApiError(mutation.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!mutation.isPending) mutation.mutate();
      }}
    >
      <Stack>
        <LocalizedTextEditor
          label={t('review.brief.field')}
          name="brief"
          value={value}
          onChange={(next) => {
            mutation.reset();
            setValue(next);
          }}
          languages={languages}
          isMultiline
          maxLength={CAMPAIGN_BRIEF_MAX_LENGTH}
          error={fields.brief}
          languageErrors={languageErrorsOf(fields, 'brief')}
        />
        <ErrorAlert error={mutation.error} />
        {mutation.isSuccess ? (
          <Alert color="teal" role="status">
            {t('web.action.saved')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('web.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CampaignBriefPage() {
  const { t, formatDate } = useI18n();
  const { workspace, can } = useWorkspace();
  const { campaignId = '' } = useParams<{ campaignId: string }>();
  const query = useCampaignBrief(workspace.id, campaignId);
  if (query.isPending) return <PageLoader />;
  const brief = query.data;
  if (!brief) return <ErrorAlert error={query.error} />;
  const languages = workspace.contentLanguages;
  return (
    <Stack maw={1280}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('review.brief.title')}
        </Title>
        <LocalizedValue value={brief.title} fallbacks={languages} fw={600} />
        <Text size="sm" c="dimmed">
          {t('review.brief.goalDate', { date: formatDate(`${brief.goalDate}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) })}
        </Text>
      </Stack>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            {can('campaigns:write') ? (
              <BriefEditor key={brief.campaignId} brief={brief} languages={languages} />
            ) : (
              <Stack>
                <Text fw={600}>{t('review.brief.field')}</Text>
                <LocalizedVersions value={brief.brief} languages={languages} />
                <Text size="sm" c="dimmed">
                  {t('review.brief.readOnly')}
                </Text>
              </Stack>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ReviewPanel contentType={CAMPAIGN_BRIEF_CONTENT_TYPE} contentId={brief.campaignId} languages={languages} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
