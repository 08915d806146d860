/** Small pieces shared by the audience pages: status badge, language words, and errors placed where they belong. */
import { Alert, Badge } from '@mantine/core';
import { ApiError } from '../../../api/api-client.js';
import { errorMessage } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SUBSCRIBER_STATUS_COLOR, type SubscriberStatus } from './audience-api.js';

export function SubscriberStatusBadge({ status }: { status: SubscriberStatus }) {
  const t = useT();
  return (
    <Badge color={SUBSCRIBER_STATUS_COLOR[status]} variant="filled" data-status={status} data-testid="subscriber-status">
      {t(`subscribers.status.${status}`)}
    </Badge>
  );
}

/** "العربية · Français" for ['ar', 'fr']. */
export function useLanguageWords() {
  const t = useT();
  return (languages: readonly string[]) => languages.map((language) => t(`public.languageName.${language}`)).join(' · ');
}

/**
 * The general error of a request; when the server explained it with field codes that no input shows
 * (`status`, `segment`, `list`…), those explanations replace the general words.
 */
export function AudienceErrorAlert({ error, placedFields = [] }: { error: unknown; placedFields?: string[] }) {
  const t = useT();
  if (!error) return null;
  const unplaced =
    error instanceof ApiError
      ? Object.entries(error.fields)
          .filter(([path]) => !placedFields.some((field) => path === field || path.startsWith(`${field}.`)))
          .map(([, field]) => field.message)
      : [];
  return (
    <Alert color="red" role="alert" title={t('web.error.title')}>
      {unplaced.length > 0 ? unplaced.join(' ') : errorMessage(error, t)}
    </Alert>
  );
}
