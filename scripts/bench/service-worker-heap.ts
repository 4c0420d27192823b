/**
 * Reading the extension service worker's memory from the bench, through the DevTools protocol. Playwright opens
 * protocol sessions on pages only, so the page's session attaches to the worker's target and relays messages to it.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

/** The worker's JS heap and the array buffers it holds (where the dictionary's data lives), in bytes. */
export interface WorkerHeap {
  heap: number;
  buffers: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A protocol connection to the extension's service worker, relayed through a page's session. */
export async function connectServiceWorker(context: BrowserContext) {
  const page = context.pages()[0] ?? (await context.newPage());
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('no extension service worker to measure');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });

  /** Sends one protocol command to the worker and resolves with its result. */
  const send = async <T>(method: string, params: object = {}): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => waiting.set(id, resolve));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const { result, error } = await reply;
    waiting.delete(id);
    if (error) throw new Error(`${method}: ${error.message}`);
    return result as T;
  };

  const usage = async (): Promise<WorkerHeap> => {
    const used = await send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    return { heap: used.usedSize, buffers: used.backingStorageSize ?? 0 };
  };

  return {
    /** The worker's memory after a full garbage collection. */
    heap: async (): Promise<WorkerHeap> => {
      await send('HeapProfiler.collectGarbage');
      return usage();
    },
    /** The worker's memory as it is now, garbage included (for peaks while it works). */
    sample: () => usage(),
    close: () => session.detach(),
  };
}
