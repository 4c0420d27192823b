// Local stand-ins for the remote translation services, speaking each one's protocol on loopback, for the unit tests
// of the provider clients and the browser tests. They "translate" by wrapping the text: `EN[原文]`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The fake translation of `text`. */
export const fakeTranslation = (text: string): string => `EN[${text}]`;

/** One request the server received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingMessage['headers'];
  /** The body parsed as JSON (undefined when empty or not JSON). */
  body: unknown;
}

/** A canned answer: status and body (an object is sent as JSON, a string as it is). */
export interface CannedAnswer {
  status: number;
  body: unknown;
}

/** Answers a request the protocol way; `undefined` means 404. */
type Protocol = (request: ReceivedRequest) => CannedAnswer | undefined;

const asTexts = (q: unknown): string[] => (Array.isArray(q) ? q.map(String) : [String(q)]);

/** DeepL: `POST /v2/translate` with `Authorization: DeepL-Auth-Key …`, `{ text: [...] }`. */
const deepl: Protocol = ({ method, url, headers, body }) => {
  if (method !== 'POST' || url !== '/v2/translate') return undefined;
  if (!String(headers.authorization ?? '').startsWith('DeepL-Auth-Key ')) return { status: 403, body: { message: 'Forbidden' } };
  const texts = asTexts((body as { text?: unknown }).text);
  const translations = texts.map((text) => ({ detected_source_language: 'ZH', text: fakeTranslation(text) }));
  return { status: 200, body: { translations } };
};

/** LibreTranslate: `GET /languages`, `POST /translate` with `{ q, source, target, format }`. */
const libretranslate: Protocol = ({ method, url, body }) => {
  if (method === 'GET' && url === '/languages') {
    return {
      status: 200,
      body: [
        { code: 'en', name: 'English', targets: ['zh-Hans', 'zh-Hant'] },
        { code: 'zh-Hans', name: 'Chinese', targets: ['en'] },
        { code: 'zh-Hant', name: 'Chinese (traditional)', targets: ['en'] },
      ],
    };
  }
  if (method !== 'POST' || url !== '/translate') return undefined;
  const { q } = body as { q?: unknown };
  const texts = asTexts(q);
  return { status: 200, body: { translatedText: Array.isArray(q) ? texts.map(fakeTranslation) : fakeTranslation(texts[0]) } };
};

/** Google Cloud Translation v2: `POST /language/translate/v2` with the key in `X-Goog-Api-Key`, `{ q: [...], format: 'text' }`. */
const google: Protocol = ({ method, url, headers, body }) => {
  if (method !== 'POST' || url !== '/language/translate/v2') return undefined;
  if (!headers['x-goog-api-key'])
    return { status: 403, body: { error: { code: 403, message: 'no key', errors: [{ reason: 'forbidden' }] } } };
  const texts = asTexts((body as { q?: unknown }).q);
  return { status: 200, body: { data: { translations: texts.map((text) => ({ translatedText: fakeTranslation(text) })) } } };
};

const PROTOCOLS = { deepl, libretranslate, google };

/** Reads a request's body as JSON. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, { status, body }: CannedAnswer): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  // No CORS headers: only the extension's granted host permission lets its background read the answer.
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
  res.end(text);
}

/**
 * Starts a loopback server speaking `protocol`. `answerNext` makes the next requests get canned answers instead (one
 * per request, in order); every request is recorded in `requests`.
 */
export async function startFakeTranslationServer(protocol: keyof typeof PROTOCOLS) {
  const requests: ReceivedRequest[] = [];
  const canned: CannedAnswer[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const request = { method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body };
      requests.push(request);
      send(res, canned.shift() ?? PROTOCOLS[protocol](request) ?? { status: 404, body: { error: 'Not Found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    /** The next requests get these answers, one each, before the protocol answers again. */
    answerNext: (...answers: CannedAnswer[]) => canned.push(...answers),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A running fake server. */
export type FakeTranslationServer = Awaited<ReturnType<typeof startFakeTranslationServer>>;
