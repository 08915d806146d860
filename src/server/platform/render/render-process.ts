/**
 * The render process: a child of the app (or worker) that holds the Typst compiler. It gets the
 * template files once (`mount`), then compile jobs (`render`), and answers each with the output or
 * an error code. The parent replaces it after a number of renders because the compiler's native
 * memory only grows (see render-backends.ts). It exits when the parent goes away.
 */
import { AppError } from '../errors.js';
import { type CompileJob, type CompileOutput, runCompileJob } from './render-core.js';
import { TypstEngine } from './typst-engine.js';

export type RenderProcessRequest =
  | { readonly id: number; readonly kind: 'mount'; readonly files: ReadonlyArray<readonly [string, Uint8Array]> }
  | { readonly id: number; readonly kind: 'render'; readonly job: CompileJob };

export type RenderProcessReply =
  | { readonly id: number; readonly ok: true; readonly output: CompileOutput | null; readonly rss: number }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: string; readonly params: Record<string, unknown> };
      readonly rss: number;
    };

function startRenderProcess(send: (reply: RenderProcessReply) => void): void {
  const engine = new TypstEngine();
  process.on('message', (request: RenderProcessRequest) => {
    const answer = async (): Promise<CompileOutput | null> => {
      if (request.kind === 'mount') {
        for (const [virtualPath, bytes] of request.files) engine.mapFile(virtualPath, bytes);
        return null;
      }
      return runCompileJob(engine, request.job);
    };
    answer().then(
      (output) => send({ id: request.id, ok: true, output, rss: process.memoryUsage().rss }),
      (error: unknown) => {
        const code = error instanceof AppError ? error.code : 'RENDER_FAILED';
        const params = error instanceof AppError ? error.params : { reason: error instanceof Error ? error.message : String(error) };
        send({ id: request.id, ok: false, error: { code, params }, rss: process.memoryUsage().rss });
      },
    );
  });
  process.on('disconnect', () => process.exit(0));
}

const send = process.send?.bind(process);
if (send) startRenderProcess((reply) => send(reply));
