import { spawn } from 'node:child_process';

/**
 * The text of a PDF as a reader sees it (pdfjs-dist, Mozilla's PDF reader, legacy build for
 * Node): page by page, a line break where the PDF ends a line. Tests assert on it, so a PDF is
 * checked by reading it back, not by trusting what was handed to the renderer.
 *
 * pdfjs-dist is ESM-only and Jest's module system cannot import it, so the reading runs in a
 * child Node process (this file run as a script): the PDF goes in on stdin, the text comes out.
 */
export function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`the PDF could not be read (exit ${code}): ${Buffer.concat(err).toString('utf8').slice(0, 2000)}`));
    });
    child.stdin.end(Buffer.from(pdf));
  });
}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function main(): Promise<void> {
  // pdfjs-dist 6 uses Promise.withResolvers (Node 22+); tests may run on an older Node (npx jest on Node 20).
  const promises = Promise as unknown as { withResolvers?: unknown };
  promises.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const promise = new Promise((yes, no) => ((resolve = yes), (reject = no)));
    return { promise, resolve, reject };
  };
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as typeof import('pdfjs-dist');
  const loading = pdfjs.getDocument({ data: await readStdin(), useSystemFonts: false });
  const document = await loading.promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push((content.items as TextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
  }
  await loading.destroy();
  process.stdout.write(pages.join('\n'));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
