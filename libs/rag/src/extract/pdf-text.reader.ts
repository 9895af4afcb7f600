import { Worker } from 'node:worker_threads';
import { ExtractionError, corrupt } from './extraction.error';

/** Text of a PDF as pdf-parse reports it, page by page. */
export interface PdfText {
  readonly pages: readonly { readonly num: number; readonly text: string }[];
  readonly total: number;
  readonly title?: string;
}

type WorkerReply = ({ ok: true } & PdfText) | { ok: false; name: string; message: string };

// pdf.js loads its parser with a dynamic import(), which jest's VM sandbox refuses; a worker thread
// is a plain Node context, keeps a slow parse off the event loop and can be killed when it overruns.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.modulePath);
(async () => {
  const parser = new PDFParse({ data: workerData.bytes });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    const title = typeof info.info?.Title === 'string' ? info.info.Title : undefined;
    const pages = text.pages.map((page) => ({ num: page.num, text: page.text }));
    parentPort.postMessage({ ok: true, pages, total: text.total, title });
  } catch (error) {
    parentPort.postMessage({ ok: false, name: String(error?.name), message: String(error?.message ?? error) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

const MAX_WORKER_HEAP_MB = 1024;

/** Parses a PDF in a worker thread, refusing it if parsing takes longer than `timeoutMs`. */
export function readPdfText(bytes: Buffer, timeoutMs: number): Promise<PdfText> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes: new Uint8Array(bytes), modulePath: require.resolve('pdf-parse') },
    resourceLimits: { maxOldGenerationSizeMb: MAX_WORKER_HEAP_MB },
  });
  let timer: NodeJS.Timeout | undefined;
  return new Promise<PdfText>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new ExtractionError('DOCUMENT.TOO_LARGE', `the PDF could not be parsed within ${timeoutMs} ms`)),
      timeoutMs,
    );
    // Only the first outcome counts; the exit that follows terminate() settles nothing.
    worker.once('message', (reply: WorkerReply) => (reply.ok ? resolve(reply) : reject(parseFailure(reply))));
    worker.once('error', (error: Error & { code?: string }) => reject(workerFailure(error)));
    worker.once('exit', (code) => reject(new Error(`the PDF worker exited early with code ${code}`)));
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}

function parseFailure(reply: { name: string; message: string }): ExtractionError {
  if (reply.name === 'PasswordException') {
    return corrupt('the PDF is encrypted with a password; upload an unprotected copy');
  }
  return corrupt(`the PDF is damaged or not a PDF (${reply.message})`);
}

function workerFailure(error: Error & { code?: string }): Error {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ExtractionError('DOCUMENT.TOO_LARGE', 'the PDF needs more memory to parse than is allowed');
  }
  return error;
}
