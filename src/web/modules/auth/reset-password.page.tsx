/** Lands from the mailed link (?token=…) and sets a new password. */
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { LIMITS } from '../../../shared/limits.js';
import { resetPassword } from '../../api/session.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { AuthLayout } from './auth-layout.js';

export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const mutation = useMutation({ mutationFn: () => resetPassword(token, password) });
  if (!token || params.get('error')) {
    return (
      <AuthLayout title={t('web.reset.title')}>
        <Alert color="red" role="alert">
          {t('web.reset.invalidLink')}
        </Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('web.reset.title')}>
      {mutation.isSuccess ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('web.reset.done')}
          </Alert>
          <Anchor component={Link} href="/sign-in">
            {t('web.signIn.title')}
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (password.length < LIMITS.passwordMin) return setFieldError(t('web.password.tooShort', { min: LIMITS.passwordMin }));
            setFieldError(undefined);
            if (!mutation.isPending) mutation.mutate();
          }}
        >
          <Stack>
            <ErrorAlert error={mutation.error} />
            <PasswordInput
              label={t('web.password.new')}
              description={t('web.password.tooShort', { min: LIMITS.passwordMin })}
              autoComplete="new-password"
              required
              value={password}
              error={fieldError}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t('web.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
