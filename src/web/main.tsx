/** Entry of the workspace app: providers, then routes; every page is loaded on demand. */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { ApiError } from './api/api-client.js';
import { ME_QUERY_KEY } from './api/session.js';
import { AppRoutes } from './app/app-routes.js';
import { BrandThemeProvider } from './app/brand-theme-provider.js';
import { I18nProvider } from './i18n/i18n-context.js';

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
          {/* The router comes first: the theme follows the workspace named by the URL. */}
          <Router base="/app">
            <BrandThemeProvider>
              <Notifications />
              <AppRoutes />
            </BrandThemeProvider>
          </Router>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
