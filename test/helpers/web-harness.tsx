/**
 * Renders one page of the web app as a signed-in member: real providers (query client, Mantine, the
 * French catalog, wouter on an in-memory location) and a fake `fetch` answering the API calls the page
 * makes. Only the network is replaced; every call is recorded for assertions.
 */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { vi } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Role } from '../../src/shared/roles.js';
import { ME_QUERY_KEY, type Me, type MeWorkspace } from '../../src/web/api/session.js';
import { I18nProvider } from '../../src/web/i18n/i18n-context.js';

export const WORKSPACE_ID = '11111111-1111-4111-8111-111111111111';

export interface ApiCall {
  method: string;
  url: URL;
  body: BodyInit | null | undefined;
}

/** Answers one call: a JSON body (status 200 unless given), or undefined for "not handled" (a 404 problem). */
export type ApiHandler = (call: ApiCall) => { status?: number; body?: unknown } | undefined;

export function workspaceOf(overrides: Partial<MeWorkspace> = {}): MeWorkspace {
  return {
    id: WORKSPACE_ID,
    slug: 'test',
    name: { fr: { value: 'Espace de test', status: 'reviewed' } },
    contentLanguages: ['ar', 'fr'],
    arabicDigits: 'latn',
    brandColor: '#0f766e',
    logoFileId: null,
    role: 'admin' as Role,
    ...overrides,
  };
}

/** The signed-in member of GET /api/me, in one workspace. */
export function meOf(workspace: Partial<MeWorkspace> = {}): Me {
  return {
    user: { id: 'user-1', name: 'Admin', email: 'admin@example.test', locale: 'fr' },
    workspaces: [workspaceOf(workspace)],
    csrfToken: 'csrf',
  };
}

export function renderPage(options: {
  /** e.g. `/w/:workspaceId/people/:personId` */
  pattern: string;
  /** e.g. `/w/<id>/people/<id>` */
  path: string;
  component: ComponentType;
  api: ApiHandler;
  workspace?: Partial<MeWorkspace>;
}) {
  const calls: ApiCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const call = { method: init.method ?? 'GET', url: new URL(input, 'http://tawasul.test'), body: init.body };
    calls.push(call);
    const answer = options.api(call) ?? { status: 404, body: { code: 'NOT_FOUND', message: 'Introuvable' } };
    const status = answer.status ?? 200;
    return new Response(status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(ME_QUERY_KEY, meOf(options.workspace));
  const location = memoryLocation({ path: options.path, record: true });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale="fr">
        <MantineProvider>
          <Router hook={location.hook}>
            <Route path={options.pattern} component={options.component} />
          </Router>
        </MantineProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...view, calls, queryClient, location };
}
