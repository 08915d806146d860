/** Entry of the workspace app: providers, then routes; every page is loaded on demand. */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { ApiError } from './api/api-client.js';
import { ME_QUERY_KEY } from './api/session.js';
import { AppRoutes } from './app/app-routes.js';
import { I18nProvider } from './i18n/i18n-context.js';

// Arabic first in the stack would give Latin text Arabic-style digits and punctuation; Noto Sans Arabic only covers Arabic script.
const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Roboto, sans-serif';

// Shade 9 of teal, red 9 for errors and gray 7 for dimmed text keep a 4.5:1 contrast on white (axe-core, WCAG AA).
const theme = createTheme({ fontFamily: FONT_STACK, headings: { fontFamily: FONT_STACK }, primaryColor: 'teal', primaryShade: 9 });
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});

const queryClient: QueryClient = new QueryClient({
  // A session that expired (or was revoked elsewhere) sends the person back to sign-in instead of showing errors.
  queryCache: new QueryCache({
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  }),
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
            <Notifications />
            <Router base="/app">
              <AppRoutes />
            </Router>
          </MantineProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
