/**
 * Where compile jobs run. The compiler (typst-ts-node-compiler 0.7) keeps native memory it never
 * gives back: measured here, 0.2 MB per compile and 0.45 MB per PDF export of a one-line page, and
 * 0.8 MB per render of the bilingual A4 brief, whatever `evictCache(0)`, garbage collection or a new
 * compiler instance do. A long-running server would
 * grow by gigabytes, so the app renders in a child process that is replaced every few hundred
 * renders (or when it passes a memory ceiling); short-lived processes (the CLI, tests) compile in
 * their own. The child also keeps compilation off the app's event loop and lets a runaway template
 * be stopped by a timeout.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, type ErrorCode } from '../errors.js';
import { type CompileJob, type CompileOutput, runCompileJob } from './render-core.js';
import type { RenderProcessReply, RenderProcessRequest } from './render-process.js';
import type { TypstEngine } from './typst-engine.js';

export interface RenderBackend {
  /** Makes files (templates, lib) readable by every later job. */
  mount(files: ReadonlyMap<string, Uint8Array>): void;
  run(job: CompileJob): Promise<CompileOutput>;
  close(): Promise<void>;
}

/** Compiles in this process, on the process's one engine. */
export class InProcessBackend implements RenderBackend {
  constructor(private readonly engine: TypstEngine) {}

  mount(files: ReadonlyMap<string, Uint8Array>): void {
    for (const [virtualPath, bytes] of files) this.engine.mapFile(virtualPath, bytes);
  }

  run(job: CompileJob): Promise<CompileOutput> {
    return runCompileJob(this.engine, job);
  }

  async close(): Promise<void> {}
}

export interface ChildProcessBackendOptions {
  /** Renders before the child is replaced. */
  readonly maxRenders?: number;
  /** Resident memory of the child beyond which it is replaced after its current renders. */
  readonly maxRssBytes?: number;
  /** A render taking longer stops the child and fails with RENDER_FAILED. */
  readonly timeoutMs?: number;
}

const PROCESS_ENTRY = fileURLToPath(new URL('./render-process.ts', import.meta.url));
/** The child runs the TypeScript sources through tsx, like `bin/tawasul.mjs`. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Pending {
  resolve(output: CompileOutput | null): void;
  reject(error: AppError): void;
  timer?: NodeJS.Timeout;
}

/** One child and what it is working on. */
class RenderProcess {
  readonly child: ChildProcess;
  readonly pending = new Map<number, Pending>();
  renders = 0;
  rss = 0;
  isRetiring = false;
  /** Settled once the child has the template files (its start-up does not count against a render's timeout). */
  ready: Promise<void> = Promise.resolve();

  constructor(onExit: (process: RenderProcess) => void) {
    this.child = fork(PROCESS_ENTRY, [], {
      execArgv: ['--import', TSX_LOADER],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (reply: RenderProcessReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.settle(reply.id);
      this.rss = reply.rss;
      if (reply.ok) pending.resolve(reply.output);
      else pending.reject(new AppError(reply.error.code as ErrorCode, { params: reply.error.params }));
    });
    this.child.on('exit', (code, signal) => {
      for (const [id, pending] of this.pending) {
        this.settle(id);
        pending.reject(
          new AppError('RENDER_FAILED', { params: { reason: `the render process stopped (${signal ?? `exit code ${code}`})` } }),
        );
      }
      onExit(this);
    });
    this.holdParent(false);
  }

  send(request: RenderProcessRequest, timeoutMs?: number): Promise<CompileOutput | null> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      if (timeoutMs) {
        pending.timer = setTimeout(() => {
          this.settle(request.id);
          reject(
            new AppError('RENDER_FAILED', { params: { reason: `the render took longer than ${timeoutMs / 1000} s and was stopped` } }),
          );
          // The next render goes to a new child.
          this.isRetiring = true;
          this.child.kill('SIGKILL');
        }, timeoutMs);
      }
      this.pending.set(request.id, pending);
      this.holdParent(true);
      this.child.send(request);
    });
  }

  /** Ends the child once its pending renders are answered. */
  retire(): void {
    this.isRetiring = true;
    if (this.pending.size === 0 && this.child.connected) this.child.disconnect();
  }

  private settle(id: number): void {
    const pending = this.pending.get(id);
    if (pending?.timer) clearTimeout(pending.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) {
      this.holdParent(false);
      if (this.isRetiring && this.child.connected) this.child.disconnect();
    }
  }

  /** An idle child never keeps the parent alive; one with work does, until the answer. */
  private holdParent(isBusy: boolean): void {
    const channel = this.child.channel as { ref(): void; unref(): void } | null | undefined;
    if (isBusy) {
      this.child.ref();
      channel?.ref();
    } else {
      this.child.unref();
      channel?.unref();
    }
  }
}

/** Compiles in a child process, replaced after `maxRenders` renders or past `maxRssBytes`. */
export class ChildProcessBackend implements RenderBackend {
  private readonly files = new Map<string, Uint8Array>();
  private current: RenderProcess | undefined;
  private nextId = 1;
  private readonly maxRenders: number;
  private readonly maxRssBytes: number;
  private readonly timeoutMs: number;
  /** Children started so far (tests check the replacement). */
  started = 0;

  constructor(options: ChildProcessBackendOptions = {}) {
    this.maxRenders = options.maxRenders ?? 300;
    this.maxRssBytes = options.maxRssBytes ?? 768 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  mount(files: ReadonlyMap<string, Uint8Array>): void {
    for (const [virtualPath, bytes] of files) this.files.set(virtualPath, bytes);
    this.current?.send({ id: this.nextId++, kind: 'mount', files: [...files] }).catch(() => {
      // A failed mount shows as the next render's error.
    });
  }

  async run(job: CompileJob): Promise<CompileOutput> {
    const renderProcess = this.processForNextRender();
    renderProcess.renders += 1;
    const isLast = renderProcess.renders >= this.maxRenders || renderProcess.rss >= this.maxRssBytes;
    if (isLast) {
      // Later renders go to the replacement, which starts now (a second or so) rather than on the next render.
      renderProcess.isRetiring = true;
      this.current = this.spawn();
    }
    await renderProcess.ready;
    const sent = renderProcess.send({ id: this.nextId++, kind: 'render', job }, this.timeoutMs);
    if (isLast) renderProcess.retire();
    const output = await sent;
    if (!output) throw new AppError('RENDER_FAILED', { params: { reason: 'the render process answered nothing' } });
    // Buffers cross the process boundary as plain Uint8Arrays.
    const bytes = Buffer.from(output.bytes.buffer, output.bytes.byteOffset, output.bytes.byteLength);
    return { ...output, bytes };
  }

  /** The current child's process id (tests). */
  get pid(): number | undefined {
    return this.current?.child.pid;
  }

  async close(): Promise<void> {
    const renderProcess = this.current;
    this.current = undefined;
    if (!renderProcess || renderProcess.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => renderProcess.child.once('exit', () => resolve()));
    // Held until it has exited, so a caller awaiting this is not left by a process with nothing else to do.
    renderProcess.child.ref();
    renderProcess.retire();
    await exited;
  }

  private processForNextRender(): RenderProcess {
    if (this.current && !this.current.isRetiring && this.current.child.exitCode === null && this.current.child.signalCode === null) {
      return this.current;
    }
    this.current = this.spawn();
    return this.current;
  }

  private spawn(): RenderProcess {
    const renderProcess = new RenderProcess((exited) => {
      if (this.current === exited) this.current = undefined;
    });
    this.started += 1;
    renderProcess.ready = renderProcess.send({ id: this.nextId++, kind: 'mount', files: [...this.files] }).then(
      () => undefined,
      () => undefined, // a child that cannot start fails the render sent to it
    );
    return renderProcess;
  }
}
