/** The signed-in person's account: interface language, password, other sessions. */
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import { changePassword, ME_QUERY_KEY, revokeOtherSessions, useMe } from '../../api/session.js';
import { LanguageSwitch } from '../../app/language-switch.js';
import { ErrorAlert, fieldsFromApiError } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';

function ChangePasswordForm() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: async () => {
      setCurrent('');
      setNext('');
      // Revoking the other sessions gives this one a new id, hence a new CSRF token.
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
  // The server names the field: a wrong current password shows under it, in the interface language.
  const serverFields = fieldsFromApiError(mutation.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTooShort(next.length < LIMITS.passwordMin);
        if (next.length >= LIMITS.passwordMin && !mutation.isPending) mutation.mutate();
      }}
    >
      <Stack>
        <ErrorAlert error={mutation.error} />
        {mutation.isSuccess ? (
          <Alert color="teal" role="status">
            {t('web.account.passwordChanged')}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('web.password.current')}
          autoComplete="current-password"
          required
          value={current}
          error={serverFields.currentPassword}
          onChange={(event) => setCurrent(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('web.password.new')}
          description={t('web.password.tooShort', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          value={next}
          error={tooShort ? t('web.password.tooShort', { min: LIMITS.passwordMin }) : serverFields.newPassword}
          onChange={(event) => setNext(event.currentTarget.value)}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'start' }}>
          {t('web.account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}

export function AccountPage() {
  const t = useT();
  const { data: me } = useMe();
  const revoke = useMutation({ mutationFn: revokeOtherSessions });
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        {t('web.account.title')}
      </Title>
      <Text>
        <bdi>{me?.user.name}</bdi> · <bdi>{me?.user.email}</bdi>
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('web.account.language')}
        </Title>
        <LanguageSwitch />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('web.account.changePassword')}
        </Title>
        <ChangePasswordForm />
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t('web.account.otherSessions')}
          </Title>
          <Text size="sm">{t('web.account.otherSessionsHelp')}</Text>
          <ErrorAlert error={revoke.error} />
          {revoke.isSuccess ? (
            <Alert color="teal" role="status">
              {t('web.account.othersSignedOut')}
            </Alert>
          ) : null}
          <Button variant="outline" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()} style={{ alignSelf: 'start' }}>
            {t('web.account.signOutOthers')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
