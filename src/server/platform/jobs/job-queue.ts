/**
 * The job queue: pg-boss (SKIP LOCKED) on PGlite and PostgreSQL alike. We poll with `fetch` ourselves
 * rather than `boss.work()` so a job type can be paused from the Jobs page in every process at once:
 * a paused type is simply not fetched. Jobs are one definition each, named `<module>.<verb-object>`.
 */
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database, ExecuteSql } from '../db/database.js';
import { AppError } from '../errors.js';

export interface JobContext {
  readonly id: string;
  readonly name: string;
  readonly retryCount: number;
}

export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  /** `<module>.<verb-object>`, e.g. `platform.send-mail`. */
  readonly name: string;
  readonly schema: Schema;
  readonly handler: (data: z.infer<Schema>, context: JobContext) => Promise<unknown>;
  readonly retryLimit?: number;
  /** Seconds before the first retry; doubled each time when `retryBackoff`. */
  readonly retryDelay?: number;
  readonly retryBackoff?: boolean;
  readonly expireInSeconds?: number;
  /** `stately`: at most one queued and one active job per singleton key (every send must give a key). */
  readonly policy?: 'standard' | 'stately' | 'singleton' | 'short';
  /** Sends something outside (mail, posts): paused after a restore until an admin resumes it. */
  readonly isSending?: boolean;
  /** Jobs fetched per poll. */
  readonly batchSize?: number;
  /**
   * Runs by itself every N minutes (reminder scans): each working process queues one job per time
   * slot, keyed by the slot so that processes sharing a PostgreSQL server queue it once. Handlers of
   * recurring jobs must be idempotent anyway.
   */
  readonly everyMinutes?: number;
}

/** Declares a job with its payload schema and handler (type inference only). */
export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}

export interface SendOptions {
  startAfter?: Date;
  singletonKey?: string;
  retryLimit?: number;
  /** The rest override the definition for one job (a restore sends jobs again as they were). */
  retryDelay?: number;
  retryBackoff?: boolean;
  priority?: number;
  expireInSeconds?: number;
}

export interface JobQueueOptions {
  pollIntervalMs?: number;
  /** Runs pg-boss maintenance (expiry, archive) in this process. */
  supervise?: boolean;
}

export class JobQueue {
  readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private polling: NodeJS.Timeout | undefined;
  private isStopping = false;
  private readonly running = new Set<Promise<void>>();
  private readonly pollIntervalMs: number;
  private tickInFlight = false;
  /** Last time slot queued per recurring job name. */
  private readonly queuedSlots = new Map<string, number>();
  readonly workerId = `${hostname()}:${process.pid}`;

  constructor(
    readonly database: Database,
    options: JobQueueOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    const common = { schema: 'pgboss', supervise: options.supervise ?? true, schedule: false, migrate: true };
    this.boss =
      database.driver === 'postgresql'
        ? new PgBoss({ ...common, connectionString: database.url, max: 4 })
        : new PgBoss({ ...common, db: { executeSql: database.executeSql } });
    this.boss.on('error', () => {
      // Maintenance errors are retried by pg-boss; job errors are recorded on the job row.
    });
  }

  /** Registers job definitions (all processes register all jobs, so any of them can run any job). */
  register(...definitions: JobDefinition[]): void {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
  }

  get names(): string[] {
    return [...this.definitions.keys()].sort();
  }

  definition(name: string): JobDefinition | undefined {
    return this.definitions.get(name);
  }

  /** Creates pg-boss's schema and one queue per definition. */
  async start(): Promise<void> {
    await this.boss.start();
    for (const definition of this.definitions.values()) {
      const settings = {
        retryLimit: definition.retryLimit ?? 3,
        retryDelay: definition.retryDelay ?? 5,
        retryBackoff: definition.retryBackoff ?? true,
        expireInSeconds: definition.expireInSeconds ?? 15 * 60,
        policy: definition.policy ?? 'standard',
      };
      // createQueue does nothing when the queue exists, so changed retry settings of a definition
      // would never reach an existing installation without the update. updateQueue resets the
      // policy to `standard` unless given, hence the policy in both.
      await this.boss.createQueue(definition.name, { name: definition.name, ...settings });
      await this.boss.updateQueue(definition.name, { name: definition.name, ...settings });
    }
  }

  /** Starts polling for work in this process. */
  startWorking(): void {
    this.isStopping = false;
    const loop = async () => {
      if (this.isStopping) return;
      await this.tick();
      if (!this.isStopping) this.polling = setTimeout(loop, this.pollIntervalMs);
    };
    this.polling = setTimeout(loop, 0);
  }

  /** One poll: fetch and run jobs of every unpaused type. Public so tests can drive it. */
  async tick(): Promise<number> {
    if (this.tickInFlight) return 0;
    this.tickInFlight = true;
    try {
      await this.queueRecurring();
      const ready = await this.readyNames();
      let count = 0;
      for (const definition of this.definitions.values()) {
        if (!ready.has(definition.name) || this.isStopping) continue;
        const jobs = await this.boss.fetch(definition.name, { batchSize: definition.batchSize ?? 10, includeMetadata: true });
        for (const job of jobs) {
          count += 1;
          const run = this.runJob(definition, job as PgBoss.JobWithMetadata);
          this.running.add(run);
          run.finally(() => this.running.delete(run));
          await run;
        }
      }
      return count;
    } finally {
      this.tickInFlight = false;
    }
  }

  /** Queues the current slot of every recurring job not yet queued by this process. */
  private async queueRecurring(now = Date.now()): Promise<void> {
    for (const definition of this.definitions.values()) {
      if (!definition.everyMinutes) continue;
      const slot = Math.floor(now / (definition.everyMinutes * 60_000));
      if (this.queuedSlots.get(definition.name) === slot) continue;
      await this.send(definition.name, {}, { singletonKey: `${definition.name}:${slot}` });
      this.queuedSlots.set(definition.name, slot);
    }
  }

  private async runJob(definition: JobDefinition, job: PgBoss.JobWithMetadata): Promise<void> {
    let output: unknown;
    try {
      const data = definition.schema.parse(job.data);
      output = await definition.handler(data, { id: job.id, name: job.name, retryCount: job.retryCount });
    } catch (error) {
      const message = error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
      await this.boss.fail(definition.name, job.id, { message, worker: this.workerId });
      return;
    }
    // Completing is outside the handler's try: a failed `complete` must not turn a job that did its
    // work into a retry (it stays active and pg-boss's expiry decides).
    const result = output && typeof output === 'object' && !Array.isArray(output) ? output : { result: output ?? null };
    await this.boss.complete(definition.name, job.id, { ...result, worker: this.workerId });
  }

  /** Enqueues a job after validating its payload against the definition. */
  async send(name: string, data: unknown, options: SendOptions = {}): Promise<string | null> {
    const definition = this.definitions.get(name);
    if (!definition) throw new AppError('NOT_FOUND', { params: { job: name } });
    const payload = definition.schema.parse(data) as object;
    if (definition.policy === 'stately' && !options.singletonKey) throw new Error(`${name} is stately: send it with a singletonKey`);
    // pg-boss validates a key that is present even when undefined (`'retryLimit' in options`), so
    // only the options actually given are passed.
    const bossOptions: PgBoss.SendOptions = {};
    if (options.startAfter) bossOptions.startAfter = options.startAfter;
    if (options.singletonKey) bossOptions.singletonKey = options.singletonKey;
    if (options.retryLimit !== undefined) bossOptions.retryLimit = options.retryLimit;
    if (options.retryDelay !== undefined) bossOptions.retryDelay = options.retryDelay;
    if (options.retryBackoff !== undefined) bossOptions.retryBackoff = options.retryBackoff;
    if (options.priority !== undefined) bossOptions.priority = options.priority;
    if (options.expireInSeconds !== undefined) bossOptions.expireInSeconds = options.expireInSeconds;
    return this.boss.send(name, payload, bossOptions);
  }

  /**
   * Job types with a job to run now and not paused, in one query: an idle queue costs one query per
   * poll instead of one per job type, which matters on PGlite, where every query holds the process.
   */
  private async readyNames(): Promise<Set<string>> {
    const { rows } = await this.database.executeSql(
      `select distinct job.name from pgboss.job job
        where job.state in ('created', 'retry') and job.start_after <= now()
          and not exists (select 1 from job_type_setting setting where setting.name = job.name and setting.is_paused)`,
    );
    return new Set(rows.map((row) => String(row.name)));
  }

  /** Pauses or resumes a job type in every process (read at each poll); `run` lets a restore do it in its transaction. */
  async setPaused(name: string, isPaused: boolean, reason?: string, run: ExecuteSql = this.database.executeSql): Promise<void> {
    await run(
      `insert into job_type_setting (name, is_paused, paused_reason, updated_at) values ($1, $2, $3, now())
       on conflict (name) do update set is_paused = excluded.is_paused, paused_reason = excluded.paused_reason, updated_at = now()`,
      [name, isPaused, isPaused ? (reason ?? null) : null],
    );
  }

  /** Job types that send something outside (mail, posts), in name order. */
  sendingJobNames(): string[] {
    return this.names.filter((name) => this.definitions.get(name)?.isSending);
  }

  /** Pauses every job type that sends something outside (after a restore). */
  async pauseSendingJobs(reason: string, run: ExecuteSql = this.database.executeSql): Promise<string[]> {
    const names = this.sendingJobNames();
    for (const name of names) await this.setPaused(name, true, reason, run);
    return names;
  }

  /** Waits for running jobs, then stops polling and pg-boss. */
  async stop(): Promise<void> {
    this.isStopping = true;
    if (this.polling) clearTimeout(this.polling);
    await Promise.allSettled([...this.running]);
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
