import type { Channel, ClientMessage, ServerMessage, ServerMessageOf } from './messages';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'closed';

interface LiveOptions {
  url: string;
  /** A current ID token for each (re)connection. */
  idToken(): Promise<string | undefined>;
  /** The token no longer holds (4401), or a connection was refused before it opened. */
  refreshToken(): Promise<void>;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;
/** A connection that stays open this long counts as healthy again: only then does the backoff start over. */
const STABLE_AFTER_MS = 10_000;
/** API Gateway closes a WebSocket idle for 10 minutes. */
const PING_EVERY_MS = 5 * 60_000;

/**
 * The console's one WebSocket: subscribes to the channels the open pages want, reconnects with
 * exponential backoff (and jitter), which starts over only once a connection has stayed open for
 * a while, and subscribes again, and stops for good on 4403 (asyncapi.yaml's close codes).
 */
export class LiveSocket {
  state: LiveState = 'closed';
  private socket?: WebSocket;
  private retries = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private stableTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  /** API Gateway closes with a code of its own: the connection.closing message says why. */
  private closingCode?: number;
  private readonly wanted = new Map<Channel, number>();
  private readonly handlers = new Map<string, Set<(message: ServerMessage) => void>>();
  private readonly stateListeners = new Set<(state: LiveState) => void>();

  constructor(private readonly options: LiveOptions) {}

  start() {
    if (this.state === 'closed') {
      void this.connect();
    }
  }

  stop() {
    clearTimeout(this.retryTimer);
    clearTimeout(this.stableTimer);
    clearInterval(this.pingTimer);
    this.setState('closed');
    this.socket?.close(1000, 'signed out');
    this.socket = undefined;
  }

  /** Subscribes while the returned function is not called; channels are shared by the pages. */
  subscribe(channel: Channel): () => void {
    const count = this.wanted.get(channel) ?? 0;
    this.wanted.set(channel, count + 1);
    if (count === 0) {
      this.send({ action: 'subscribe', channel });
    }
    return () => {
      const left = (this.wanted.get(channel) ?? 1) - 1;
      this.wanted.set(channel, left);
      if (left === 0) {
        this.wanted.delete(channel);
        this.send({ action: 'unsubscribe', channel });
      }
    };
  }

  on<T extends ServerMessage['type']>(type: T, handler: (message: ServerMessageOf<T>) => void): () => void {
    const set = this.handlers.get(type) ?? new Set();
    this.handlers.set(type, set);
    const untyped = handler as (message: ServerMessage) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  onState(listener: (state: LiveState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private async connect() {
    this.setState(this.retries === 0 ? 'connecting' : 'reconnecting');
    const token = await this.options.idToken();
    if (!token || this.state === 'closed') {
      return;
    }
    const socket = new WebSocket(`${this.options.url}?token=${encodeURIComponent(token)}`);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      // A server that accepts and then closes at once (1011 in an outage) must not reset the backoff.
      this.stableTimer = setTimeout(() => (this.retries = 0), STABLE_AFTER_MS);
      this.setState('live');
      this.wanted.forEach((_, channel) => this.send({ action: 'subscribe', channel }));
      this.pingTimer = setInterval(() => this.send({ action: 'ping' }), PING_EVERY_MS);
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data) as ServerMessage;
      if (message.type === 'connection.closing') {
        this.closingCode = message.code;
      }
      this.dispatch(message);
    };
    socket.onclose = (event) => {
      clearInterval(this.pingTimer);
      clearTimeout(this.stableTimer);
      const code = this.closingCode ?? event.code;
      this.closingCode = undefined;
      if (this.socket !== socket || this.state === 'closed') {
        return;
      }
      void this.closed(code, opened);
    };
  }

  /**
   * Reconnects unless refused for good (4403). A browser does not tell why a handshake failed, so a
   * connection that never opened refreshes the token first, as 4401 does: if the session is over,
   * the refresh ends it and the console signs out instead of retrying for ever.
   */
  private async closed(code: number, opened: boolean) {
    if (code === 4403) {
      this.setState('refused');
      return;
    }
    if (code === 4401 || !opened) {
      await this.options.refreshToken();
      if (this.state === 'closed') {
        return;
      }
    }
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.retries);
    this.retries++;
    this.setState('reconnecting');
    this.retryTimer = setTimeout(() => void this.connect(), delay / 2 + Math.random() * (delay / 2));
  }

  private dispatch(message: ServerMessage) {
    this.handlers.get(message.type)?.forEach((handler) => handler(message));
  }

  private send(message: ClientMessage) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  private setState(state: LiveState) {
    this.state = state;
    this.stateListeners.forEach((listener) => listener(state));
  }
}
