/**
 * The demo's sandbox page. When the demo runs (SEED_DEMO) without a Meta app, the web process starts
 * the fake Graph API (test/fakes/graph-api) on 127.0.0.1 at a random port and points the Facebook
 * configuration at it, so connecting, publishing, comments and insights all work and nothing ever
 * reaches Facebook. Its state lives in DATA_DIR/graph-sandbox.json (a month of posts, Arabic and
 * French comments and daily insights on first start), so posts published in the demo survive a
 * restart. Pages connected then are flagged `sandbox` and the app says so.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../platform/config.js';

/** The page the demo connects (the fake's "AlterMed — Entreprendre autrement"). */
export const SANDBOX_PAGE_ID = '20001';

export interface GraphSandbox {
  /** The configuration to run with: Facebook pointed at the sandbox. */
  config: Config;
  url: string;
  /** Someone from the public comments on one of the sandbox page's posts (the e2e's audience). */
  simulateComment(postExternalId: string, input: { message: string; fromName: string }): void;
  /** The sandbox page's posts as the fake stores them. */
  pagePosts(): Array<{ id: string; message?: string }>;
  stop(): Promise<void>;
}

function stateFileOf(config: Config): string {
  return path.join(config.dataDir, 'graph-sandbox.json');
}

function urlFileOf(config: Config): string {
  return path.join(config.dataDir, 'graph-sandbox.url');
}

function pointedAt(config: Config, url: string, app: { appId: string; appSecret: string }): Config {
  return Object.freeze({
    ...config,
    facebook: Object.freeze({ ...config.facebook, ...app, graphUrl: url, dialogUrl: url, sandbox: true }),
  });
}

/** Whether this configuration runs the sandbox: the demo, and no real Meta app configured. */
export function usesGraphSandbox(config: Config): boolean {
  return config.seedDemo && !config.facebook.appId;
}

/** Starts the sandbox when the demo needs it; undefined otherwise (a real app, or not the demo). */
export async function startGraphSandbox(config: Config): Promise<GraphSandbox | undefined> {
  if (!usesGraphSandbox(config)) return undefined;
  // Test code, loaded only in the demo: production never imports it.
  const { FakeGraphApi } = await import('../../../../../test/fakes/graph-api/index.js');
  const stateFile = stateFileOf(config);
  const fresh = !existsSync(stateFile);
  const fake = await new FakeGraphApi({ stateFile }).start();
  if (fresh) fake.seed(SANDBOX_PAGE_ID, { days: 30 });
  writeFileSync(urlFileOf(config), `${fake.url}\n`);
  return {
    config: pointedAt(config, fake.url, { appId: fake.appId, appSecret: fake.appSecret }),
    url: fake.url,
    simulateComment: (postExternalId, input) => void fake.simulateComment(postExternalId, input),
    pagePosts: () => fake.postsOf(SANDBOX_PAGE_ID),
    stop: () => fake.stop(),
  };
}

/**
 * A `tawasul worker` of the demo reaches the sandbox the web process started (its address is in
 * DATA_DIR/graph-sandbox.url); without one it gets an address that refuses connections, so a
 * sandbox token is never sent to Facebook.
 */
export function graphSandboxConfigForWorker(config: Config): Config {
  if (!usesGraphSandbox(config)) return config;
  const urlFile = urlFileOf(config);
  const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : 'http://127.0.0.1:9';
  const state = existsSync(stateFileOf(config))
    ? (JSON.parse(readFileSync(stateFileOf(config), 'utf8')) as { app?: { id: string; secret: string } })
    : {};
  return pointedAt(config, url, { appId: state.app?.id ?? '0', appSecret: state.app?.secret ?? '' });
}
