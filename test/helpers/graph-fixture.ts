/** A started fake Graph API and a Facebook channel pointed at it, for the social-graph tests. */
import type { ChannelAccount } from '../../src/server/modules/social/channels/channel.js';
import { FacebookChannel } from '../../src/server/modules/social/channels/facebook/facebook-channel.js';
import { FakeGraphApi, type FakeGraphOptions } from '../fakes/graph-api/index.js';

export const SANDBOX_PAGE_ID = '20001';

export interface GraphFixture {
  fake: FakeGraphApi;
  channel: FacebookChannel;
  account: ChannelAccount;
  /** Every wait the usage gate asked for (the gate's sleep is recorded, not slept). */
  waits: number[];
  stop(): Promise<void>;
}

export async function startGraphFixture(
  options: { fake?: FakeGraphOptions; timeoutMs?: number; version?: string; withApp?: boolean } = {},
): Promise<GraphFixture> {
  const fake = await new FakeGraphApi(options.fake).start();
  const waits: number[] = [];
  const channel = new FacebookChannel({
    graphUrl: fake.url,
    dialogUrl: fake.url,
    version: options.version ?? 'v26.0',
    appId: options.withApp === false ? undefined : fake.appId,
    appSecret: options.withApp === false ? undefined : fake.appSecret,
    timeoutMs: options.timeoutMs ?? 5_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const account = { externalId: SANDBOX_PAGE_ID, accessToken: fake.issuePageToken(SANDBOX_PAGE_ID) };
  return { fake, channel, account, waits, stop: () => fake.stop() };
}

/** The rejection of `promise`, for assertions on a ChannelError. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}
