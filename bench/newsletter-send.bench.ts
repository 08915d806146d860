/**
 * newsletter.send: 100,000 personalised recipients (Arabic, French and both) of a bilingual-workspace
 * issue rendered by the composer, sent by the real engine in a `tawasul worker` process (PGlite in a
 * temporary DATA_DIR, as a default install runs it) to an SMTP sink in a process of its own that reads
 * and discards every message. Messages per second from the worker's start (prepare included) to the
 * sink's 100,000th message; the worker's RSS when ready and its peak (VmHWM) — `peak_rss_mb` only
 * with `BENCH_DATABASE_URL` (database in its own process), `pglite_worker_peak_rss_mb` with PGlite
 * inside the worker. Then, in the same run, the sink's ceiling:
 * a bare nodemailer pool with the same connection count sending the same messages (built and composed
 * by the engine's own message builder and MIME composer, so the bytes match), and the engine's share of it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import postgres from 'postgres';
import { MODULE_JOBS } from '../src/server/module-jobs.js';
import { mailingLists, newsletterIssues, newsletterSettings } from '../src/server/modules/newsletter/newsletter.tables.js';
import { loadNewsletterSettings } from '../src/server/modules/newsletter/newsletter-settings.repo.js';
import { buildMessage, CompiledVariants, sendSettingsOf } from '../src/server/modules/newsletter/sending/message-builder.js';
import { composeMime } from '../src/server/modules/newsletter/sending/mime-message.js';
import { beginSend } from '../src/server/modules/newsletter/sending/send-start.js';
import { createAccount } from '../src/server/platform/auth/accounts.js';
import { parseConfig } from '../src/server/platform/config.js';
import { createPlatform } from '../src/server/platform/platform.js';
import { memberships, workspaces } from '../src/server/platform/platform.tables.js';
import { contentReviews } from '../src/server/platform/review/review.tables.js';
import { localized } from '../src/shared/localized-text.js';
import type { NewsletterBlock } from '../src/shared/newsletter/newsletter.schema.js';
import { note } from './report.js';
import type { Scenario } from './run.js';

/** `BENCH_SEND_RECIPIENTS` runs a smaller send while working on the engine. */
const RECIPIENTS = Number(process.env.BENCH_SEND_RECIPIENTS ?? 100_000);
/**
 * `BENCH_DATABASE_URL` (a PostgreSQL server URL) runs the worker on a fresh database of that server
 * instead of PGlite, so the worker's memory is the engine's alone.
 */
const SERVER_URL = process.env.BENCH_DATABASE_URL;
/**
 * `BENCH_WORKER_NODE_ARGS` adds Node options to the worker (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
 * to profile the engine; NODE_OPTIONS does not accept `--cpu-prof`).
 */
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const CONNECTIONS = 5;
const SINK = fileURLToPath(new URL('./newsletter-send-sink.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/tawasul.mjs', import.meta.url));

function printFigure(name: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit })}\n`);
}

/** A child that prints lines; resolves its first line matching `pattern`. */
function waitForLine(child: ChildProcess, pattern: RegExp, onLine?: (line: string) => void): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let isResolved = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        onLine?.(line);
        const match = pattern.exec(line);
        if (match && !isResolved) {
          isResolved = true;
          resolve(match);
        }
      }
    });
    child.once('exit', (code) => {
      if (!isResolved) reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** CPU time a process has used so far (user + system), in seconds, from /proc. */
function cpuSecondsOf(pid: number): number {
  // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th, in clock ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set of a process in MiB: now (VmRSS) and its peak so far (VmHWM), from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

const both = (ar: string, fr: string) => localized({ ar, fr });

/** An issue of the usual shape: title, greeting with a merge field, a button, three articles, an event, two columns. */
export const BENCH_ISSUE_BLOCKS: NewsletterBlock[] = [
  { type: 'heading', id: 'h', level: 1, text: both('نشرة الشبكة — أكتوبر', 'La lettre du réseau — octobre') },
  {
    type: 'text',
    id: 'greeting',
    text: both(
      'مرحباً {{first_name|صديقنا}}،\n\nيسعدنا أن نشارككم أخبار الشبكة هذا الشهر: منتدى صفاقس، ورشات التدريب، ونداء المشاريع الجديد.',
      'Bonjour {{first_name|à vous}},\n\nVoici les nouvelles du réseau ce mois-ci : le forum de Sfax, les ateliers de formation et le nouvel appel à projets.',
    ),
  },
  {
    type: 'button',
    id: 'b',
    label: both('سجّلوا في المنتدى', 'S’inscrire au forum'),
    url: both('https://altermed.example/ar/forum', 'https://altermed.example/fr/forum'),
  },
  ...[1, 2, 3].map(
    (n): NewsletterBlock => ({
      type: 'article',
      id: `a${n}`,
      title: both(`مقال رقم ${n} عن الاقتصاد الاجتماعي والتضامني`, `Article ${n} sur l’économie sociale et solidaire`),
      summary: both(
        'ملخص قصير للمقال يشرح أهم ما جاء فيه من أفكار ومبادرات في المنطقة المتوسطية.',
        'Un court résumé de l’article, qui présente les idées et les initiatives principales de la région méditerranéenne.',
      ),
      url: both(`https://altermed.example/ar/articles/${n}`, `https://altermed.example/fr/articles/${n}`),
      imageUrl: `https://altermed.example/images/article-${n}.jpg`,
    }),
  ),
  {
    type: 'event',
    id: 'e',
    title: both('منتدى صفاقس 2026', 'Forum de Sfax 2026'),
    startsAt: '2026-12-10T09:00:00+01:00',
    place: both('صفاقس، تونس', 'Sfax, Tunisie'),
    url: both('https://altermed.example/ar/forum', 'https://altermed.example/fr/forum'),
  },
  { type: 'divider', id: 'd' },
  {
    type: 'columns',
    id: 'c',
    columns: [
      [{ type: 'text', id: 'c1', text: both('عمود أول بنص قصير.', 'Une première colonne, courte.') }],
      [{ type: 'text', id: 'c2', text: both('عمود ثانٍ بنص قصير آخر.', 'Une seconde colonne, courte elle aussi.') }],
    ],
  },
];

export const newsletterSendScenario: Scenario = {
  name: 'newsletter.send',
  figures: [
    'newsletter.send.msgs_per_s',
    'newsletter.send.sink_ratio',
    'newsletter.send.peak_rss_mb',
    'newsletter.send.start_rss_mb',
    'newsletter.send.pglite_worker_peak_rss_mb',
  ],
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-bench-send-'));
    const sink = spawn(process.execPath, ['--import', 'tsx', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
    let received = 0;
    const port = Number(
      (
        await waitForLine(sink, /^port (\d+)$/, (line) => {
          const count = /^count (\d+)$/.exec(line);
          if (count) received = Number(count[1]);
        })
      )[1],
    );
    const serverDatabase = SERVER_URL ? `bench_send_${randomBytes(4).toString('hex')}` : undefined;
    const admin = SERVER_URL ? postgres(SERVER_URL, { max: 1, onnotice: () => {} }) : undefined;
    if (admin && serverDatabase) await admin.unsafe(`create database ${serverDatabase}`);
    const databaseUrl =
      SERVER_URL && serverDatabase ? Object.assign(new URL(SERVER_URL), { pathname: `/${serverDatabase}` }).toString() : undefined;
    const env = {
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DATA_DIR: dataDir,
      SECRET_KEY: randomBytes(32).toString('hex'),
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: 'https://tawasul.example.org',
      LOG_LEVEL: 'silent',
    };
    let worker: ChildProcess | undefined;
    try {
      // The audience and the issue, written by this process, which then lets the worker have the database.
      let platform = await createPlatform(parseConfig(env), { moduleJobs: MODULE_JOBS });
      const db = platform.database.db;
      const [workspace] = await db
        .insert(workspaces)
        .values({ slug: 'bench-send', name: localized({ fr: 'AlterMed', ar: 'ألترمد' }), contentLanguages: ['ar', 'fr'] })
        .returning();
      const workspaceId = (workspace as { id: string }).id;
      const userId = await createAccount(platform.auth, {
        email: 'officer@bench.test',
        name: 'Officer',
        password: 'bench-password-2026',
        locale: 'fr',
      });
      await db.insert(memberships).values({ workspaceId, userId, role: 'officer' });
      const [list] = await db
        .insert(mailingLists)
        .values({ workspaceId, name: localized({ fr: 'Lettre', ar: 'النشرة' }) })
        .returning();
      const listId = (list as { id: string }).id;
      const seeded = performance.now();
      await platform.database.executeSql(
        `insert into subscriber (workspace_id, email, email_normalized, name, languages, country, organisation_name, attributes)
         select $1, 'person' || n || '@example.org', 'person' || n || '@example.org',
                case when n % 3 = 0 then 'هند بن علي ' || n else 'Claire Martin ' || n end,
                case when n % 3 = 0 then array['ar'] when n % 5 = 0 then array['fr', 'ar'] else array['fr'] end,
                (array['MA', 'TN', 'DZ', 'FR'])[1 + n % 4], 'Association ' || (n % 100), jsonb_build_object('city', 'Sfax')
           from generate_series(1, ${RECIPIENTS}) as n`,
        [workspaceId],
      );
      await platform.database.executeSql(
        `insert into list_subscription (list_id, subscriber_id, status, confirmed_at) select $1, id, 'confirmed', now() from subscriber where workspace_id = $2`,
        [listId, workspaceId],
      );
      note(`seeded ${RECIPIENTS} subscribers in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
      await db.insert(newsletterSettings).values({
        workspaceId,
        fromName: 'ألترمد AlterMed',
        fromAddress: 'lettre@altermed.example',
        replyTo: 'contact@altermed.example',
        messagesPerSecond: 100_000,
        smtpConnections: CONNECTIONS,
      });
      const [issue] = await db
        .insert(newsletterIssues)
        .values({
          workspaceId,
          subject: both('نشرة الشبكة لشهر أكتوبر', 'La lettre du réseau, octobre'),
          preheader: both('منتدى صفاقس وورشات التدريب', 'Forum de Sfax et ateliers'),
          blocks: BENCH_ISSUE_BLOCKS,
          listIds: [listId],
          utmCampaign: 'octobre-2026',
        })
        .returning();
      const issueId = (issue as { id: string }).id;
      await db.insert(contentReviews).values({ workspaceId, contentType: 'newsletter.issue', contentId: issueId, state: 'approved' });
      await beginSend(platform, { workspaceId, issueId, actorUserId: userId });
      await platform.close();

      // Other processes' load changes every figure here: say what it was.
      note(
        `load average before the send: ${loadavg()
          .map((value) => value.toFixed(2))
          .join(', ')}`,
      );
      // The engine at work, in its own process.
      worker = spawn(process.execPath, [...WORKER_NODE_ARGS, CLI, 'worker'], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await waitForLine(worker, /is running/);
      const started = performance.now();
      const workerPid = worker.pid as number;
      const atStart = memoryOf(workerPid);
      const cpuAtStart = cpuSecondsOf(workerPid);
      let sampledPeak = atStart.rss;
      let firstMessageAt = 0;
      let lastNote = performance.now();
      while (received < RECIPIENTS) {
        if (worker.exitCode !== null) throw new Error('the worker stopped before the end of the send');
        if (received > 0 && firstMessageAt === 0) firstMessageAt = performance.now();
        if (performance.now() - lastNote > 10_000) {
          lastNote = performance.now();
          note(`${received} messages after ${((lastNote - started) / 1000).toFixed(0)} s`);
        }
        sampledPeak = Math.max(sampledPeak, memoryOf(workerPid).rss);
        await sleep(100);
      }
      const seconds = (performance.now() - started) / 1000;
      const memory = memoryOf(workerPid);
      const workerCpu = cpuSecondsOf(workerPid) - cpuAtStart;
      await stop(worker);
      const engineRate = RECIPIENTS / seconds;
      note(
        `engine: ${RECIPIENTS} messages in ${seconds.toFixed(1)} s (first message after ${((firstMessageAt - started) / 1000).toFixed(1)} s of prepare); ` +
          `worker (${databaseUrl ? 'PostgreSQL' : 'PGlite in the worker'}) RSS ${atStart.rss.toFixed(0)} MiB at start, peak ${memory.peak.toFixed(0)} MiB (sampled ${sampledPeak.toFixed(0)}); ` +
          `worker CPU ${workerCpu.toFixed(1)} s (${((1000 * workerCpu) / RECIPIENTS).toFixed(2)} ms a message)`,
      );

      // The ceiling: the same messages through a bare pool with the same connection count.
      platform = await createPlatform(parseConfig(env), { moduleJobs: [] });
      const [row] = await platform.database.db.select().from(newsletterIssues);
      const settings = sendSettingsOf(await loadNewsletterSettings(platform.database.db, workspaceId), workspace as never, platform.config);
      const variants = new CompiledVariants().of(issueId, row?.renderedVariants ?? {}, settings);
      const signer = { secretKey: env.SECRET_KEY, publicUrl: env.PUBLIC_URL };
      await platform.close();
      const before = received;
      const pool = nodemailer.createTransport({
        url: env.SMTP_URL,
        pool: true,
        maxConnections: CONNECTIONS,
        maxMessages: Number.POSITIVE_INFINITY,
      });
      const ceilingStarted = performance.now();
      let next = 0;
      const lane = async () => {
        for (let index = next++; index < RECIPIENTS; index = next++) {
          const variant = index % 3 === 0 ? 'ar' : 'fr';
          const message = buildMessage({
            delivery: {
              id: index + 1,
              subscriberId: '00000000-0000-4000-8000-000000000000',
              email: `person${index}@example.org`,
              variant,
              attempts: 1,
              messageId: `<b.${index}@altermed.example>`,
            },
            recipient: {
              id: '',
              name: index % 3 === 0 ? `هند بن علي ${index}` : `Claire Martin ${index}`,
              country: 'TN',
              organisationName: `Association ${index % 100}`,
              attributes: { city: 'Sfax' },
              directoryName: null,
            },
            variants,
            settings,
            signer,
          });
          // The same bytes the engine hands to its pool (its own composer), so only the SMTP side differs.
          const raw = composeMime(message);
          if (!raw) throw new Error('the bench message could not be composed');
          await pool.sendMail({ raw, envelope: { from: message.envelopeFrom, to: [message.to] } });
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS * 4 }, lane));
      const ceilingSeconds = (performance.now() - ceilingStarted) / 1000;
      pool.close();
      while (received < before + RECIPIENTS) await sleep(50);
      const ceilingRate = RECIPIENTS / ceilingSeconds;
      note(`bare nodemailer pool (${CONNECTIONS} connections): ${RECIPIENTS} messages in ${ceilingSeconds.toFixed(1)} s`);
      note(
        `load average after both runs: ${loadavg()
          .map((value) => value.toFixed(2))
          .join(', ')}`,
      );
      printFigure('newsletter.send.msgs_per_s', engineRate, 'msg/s');
      printFigure('newsletter.send.sink_ratio', (100 * engineRate) / ceilingRate, '%');
      // The worker when ready, before sending: the application's own code (loaded through tsx).
      printFigure('newsletter.send.start_rss_mb', atStart.rss, 'MiB');
      if (databaseUrl) printFigure('newsletter.send.peak_rss_mb', memory.peak, 'MiB');
      else {
        // With PGlite the worker holds the whole database too: a figure of its own, not the engine's memory.
        printFigure('newsletter.send.pglite_worker_peak_rss_mb', memory.peak, 'MiB');
        note('newsletter.send.peak_rss_mb (the engine without its database) needs BENCH_DATABASE_URL: see bench/README.md');
      }
    } finally {
      if (worker) await stop(worker);
      await stop(sink);
      if (admin && serverDatabase) {
        await admin.unsafe(`drop database if exists ${serverDatabase} with (force)`);
        await admin.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
