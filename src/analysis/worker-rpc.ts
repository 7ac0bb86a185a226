// Typed requests between the main thread and a worker, both ends in one module: a request map
// (name → params, result and optional progress, as MapLibre's actor_messages.ts) types the
// worker's handlers and the client's calls alike, so nothing is written twice. Every request
// carries an id: a reply whose request is gone (cancelled, superseded by a newer one with the
// same tag, or lost with a crashed worker) is dropped. Buffers the handler names are transferred.

/** One request type: what it takes, what it answers, and what it may report while it runs. */
export interface RequestSpec {
  params: unknown;
  result: unknown;
  progress?: unknown;
}

export type RequestMap = { [K in string]: RequestSpec };

export type ParamsOf<M extends RequestMap, K extends keyof M> = M[K]['params'];
export type ResultOf<M extends RequestMap, K extends keyof M> = M[K]['result'];
export type ProgressOf<M extends RequestMap, K extends keyof M> = M[K] extends { progress: infer P } ? P : never;

export type RequestMessage = { id: number; type: string; params: unknown } | { id: number; cancel: true };

export type ReplyMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: unknown };

/** What a handler gets besides its params. */
export interface HandlerContext<P = never> {
  /** Aborted when the caller cancels the request. */
  signal: AbortSignal;
  progress(value: P): void;
  /** Buffers in the result to hand over instead of copying (each listed once). */
  transfer(...buffers: (ArrayBufferLike | null | undefined)[]): void;
}

export type Handlers<M extends RequestMap> = {
  [K in keyof M]: (
    params: ParamsOf<M, K>,
    context: HandlerContext<ProgressOf<M, K>>,
  ) => ResultOf<M, K> | Promise<ResultOf<M, K>>;
};

/** The worker's side of a channel: a DedicatedWorkerGlobalScope or a MessagePort. */
export interface ServerEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Answers requests on `endpoint` with `handlers`, in arrival order for synchronous handlers. */
export function serve<M extends RequestMap>(endpoint: ServerEndpoint, handlers: Handlers<M>): void {
  const running = new Map<number, AbortController>();
  const table = new Map<string, Handlers<M>[keyof M]>(Object.entries(handlers) as [string, Handlers<M>[keyof M]][]);
  const reply = (message: ReplyMessage, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  endpoint.onmessage = (event: MessageEvent<RequestMessage>) => {
    const message = event.data;
    if ('cancel' in message) {
      running.get(message.id)?.abort();
      return;
    }
    const { id, type, params } = message;
    const handler = table.get(type);
    if (!handler) {
      reply({ id, ok: false, error: `unknown request ${type}` });
      return;
    }
    const controller = new AbortController();
    const transfer = new Set<ArrayBufferLike>();
    const context: HandlerContext<never> = {
      signal: controller.signal,
      progress: (value) => reply({ id, progress: value }),
      transfer: (...buffers) => {
        for (const b of buffers) if (b && b.byteLength > 0) transfer.add(b);
      },
    };
    const fail = (error: unknown) =>
      reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    const done = (result: unknown) => {
      running.delete(id);
      try {
        reply({ id, ok: true, result }, [...transfer] as Transferable[]);
      } catch (error) {
        fail(error);
      }
    };
    try {
      const answer = handler(params, context);
      if (answer instanceof Promise) {
        running.set(id, controller);
        answer.then(done, (error: unknown) => {
          running.delete(id);
          fail(error);
        });
      } else done(answer);
    } catch (error) {
      fail(error);
    }
  };
}

/** The main thread's side: a Worker, or anything shaped like one (a wrapped MessagePort in tests). */
export interface ClientEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

/** A request that was in flight when its worker died. */
export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`the worker stopped (${reason})`);
    this.name = 'WorkerCrashedError';
  }
}

/** A request its caller no longer wants: cancelled, or superseded by a newer one with its tag. */
export class RequestCancelledError extends Error {
  constructor(reason = 'cancelled') {
    super(`the request was ${reason}`);
    this.name = 'AbortError';
  }
}

export const isCancelled = (error: unknown): boolean => error instanceof RequestCancelledError;

export interface RequestOptions<P> {
  /** Buffers in the params to hand over (the caller must not use them afterwards). */
  transfer?: Transferable[];
  /** Aborting it rejects the request at once and tells the worker to stop. */
  signal?: AbortSignal;
  /** A newer request with the same tag cancels this one: only the latest answer is wanted. */
  tag?: string;
  onProgress?: (value: P) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress: ((value: unknown) => void) | undefined;
  tag: string | undefined;
  release: () => void;
}

export class WorkerClient<M extends RequestMap> {
  private endpoint: ClientEndpoint;
  private readonly create: (() => ClientEndpoint) | null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private tagged = new Map<string, number>();
  /** Called after a crash, once the replacement worker (if any) is listening. */
  onCrash: ((reason: string) => void) | null = null;

  /** Given a factory, the client can restart the worker after a crash; given a worker, it cannot. */
  constructor(source: ClientEndpoint | (() => ClientEndpoint)) {
    this.create = typeof source === 'function' ? source : null;
    this.endpoint = this.attach(typeof source === 'function' ? source() : source);
  }

  /** Requests sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  private attach(endpoint: ClientEndpoint): ClientEndpoint {
    endpoint.onmessage = (event: MessageEvent<ReplyMessage>) => {
      const message = event.data;
      const entry = this.pending.get(message.id);
      if (!entry) return; // stale: cancelled, superseded or from before a restart
      if ('progress' in message) {
        entry.onProgress?.(message.progress);
        return;
      }
      this.settle(message.id, entry);
      if (message.ok) entry.resolve(message.result);
      else entry.reject(new Error(message.error));
    };
    endpoint.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crash(event.message || 'an uncaught error');
    };
    endpoint.onmessageerror = () => this.crash('a message could not be read');
    return endpoint;
  }

  private settle(id: number, entry: Pending): void {
    this.pending.delete(id);
    if (entry.tag !== undefined && this.tagged.get(entry.tag) === id) this.tagged.delete(entry.tag);
    entry.release();
  }

  /** Rejects every pending request and replaces the worker (when there is a factory). */
  private replace(error: (reason: string) => Error, reason: string): void {
    const pending = [...this.pending.entries()];
    for (const [id, entry] of pending) this.settle(id, entry);
    this.endpoint.terminate();
    if (this.create) this.endpoint = this.attach(this.create());
    for (const [, entry] of pending) entry.reject(error(reason));
  }

  private crash(reason: string): void {
    this.replace((r) => new WorkerCrashedError(r), reason);
    this.onCrash?.(reason);
  }

  request<K extends keyof M & string>(
    type: K,
    params: ParamsOf<M, K>,
    options: RequestOptions<ProgressOf<M, K>> = {},
  ): Promise<ResultOf<M, K>> {
    const { signal, tag } = options;
    if (signal?.aborted) return Promise.reject(new RequestCancelledError());
    if (tag !== undefined) this.cancelTag(tag, 'superseded');
    const id = this.nextId++;
    return new Promise<ResultOf<M, K>>((resolve, reject) => {
      const onAbort = () => this.cancel(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve,
        reject,
        onProgress: options.onProgress as ((value: unknown) => void) | undefined,
        tag,
        release: () => signal?.removeEventListener('abort', onAbort),
      });
      if (tag !== undefined) this.tagged.set(tag, id);
      try {
        const message: RequestMessage = { id, type, params };
        this.endpoint.postMessage(message, options.transfer ?? []);
      } catch (error) {
        // A value that cannot be cloned: this request fails, the worker is fine.
        const entry = this.pending.get(id);
        if (entry) this.settle(id, entry);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Cancels one request: it rejects now, its late reply is dropped, and the worker is told to stop. */
  private cancel(id: number, reason = 'cancelled'): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.settle(id, entry);
    const message: RequestMessage = { id, cancel: true };
    this.endpoint.postMessage(message, []);
    entry.reject(new RequestCancelledError(reason));
  }

  /** Cancels the pending request with this tag, if any. */
  cancelTag(tag: string, reason = 'cancelled'): void {
    const id = this.tagged.get(tag);
    if (id !== undefined) this.cancel(id, reason);
  }

  /**
   * Stops whatever the worker is doing, however long its current step (a parse cannot be
   * interrupted from outside): every pending request is cancelled and the worker replaced.
   */
  restart(): void {
    this.replace(() => new RequestCancelledError(), 'cancelled');
  }

  /** Test hook and last resort: kill the worker as a crash would. */
  simulateCrash(reason = 'stopped by request'): void {
    this.crash(reason);
  }

  terminate(): void {
    this.endpoint.terminate();
  }
}

/**
 * A MessagePort dressed as a Worker: the worker's handlers served in the same thread (tests, Node).
 * `terminate` closes the port and then calls `onTerminate` (to close the serving end too).
 */
export function portEndpoint(port: MessagePort, onTerminate?: () => void): ClientEndpoint {
  const endpoint: ClientEndpoint = {
    postMessage: (message, transfer) => port.postMessage(message, transfer),
    get onmessage() {
      return port.onmessage;
    },
    set onmessage(handler) {
      port.onmessage = handler;
    },
    onerror: null,
    get onmessageerror() {
      return port.onmessageerror;
    },
    set onmessageerror(handler) {
      port.onmessageerror = handler;
    },
    terminate: () => {
      port.close();
      onTerminate?.();
    },
  };
  return endpoint;
}
