/** Interface language menu: saved on the account when signed in, on the device otherwise. */
import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { UI_LOCALES, type UiLocale } from '../../shared/languages.js';
import { setApiLocale } from '../api/api-client.js';
import { ME_QUERY_KEY, updateMyLocale, useMe } from '../api/session.js';
import { useI18n } from '../i18n/i18n-context.js';

export function LanguageSwitch({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  const { locale, setLocale, t } = useI18n();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const change = async (next: UiLocale) => {
    setApiLocale(next);
    setLocale(next, { isExplicit: !me });
    if (me) {
      await updateMyLocale(next).catch(() => undefined);
      queryClient.setQueryData(ME_QUERY_KEY, { ...me, user: { ...me.user, locale: next } });
    }
  };
  return (
    <NativeSelect
      size={size}
      aria-label={t('public.languageSwitch')}
      value={locale}
      onChange={(event) => change(event.currentTarget.value as UiLocale)}
      data={UI_LOCALES.map((code) => ({ value: code, label: t(`public.languageName.${code}`) }))}
      data-testid="language-switch"
    />
  );
}
