import { type AuthApi, FetchError, type Me, ResponseError, type Tokens } from '../../generated';

interface HeldTokens {
  idToken: string;
  refreshToken?: string;
  /** Epoch milliseconds when the ID token expires. */
  expiresAt: number;
}

const STORAGE_KEY = 'tessera.console.session';
/** Refresh this long before the ID token expires, so a request never leaves with an expired one. */
const REFRESH_AHEAD_MS = 60_000;
/** After a refresh that did not reach the API (or met a 5xx), try again this much later. */
const REFRESH_RETRY_MS = 10_000;

/** The signed-in user: their tokens (kept for this browser tab only), who they are, and refreshing. */
export class Session {
  me?: Me;
  private tokens?: HeldTokens;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private refreshing?: Promise<void>;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly auth: () => AuthApi) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs in with the tokens of a login or an answered challenge. */
  async begin(tokens: Tokens) {
    this.hold({ idToken: tokens.idToken, refreshToken: tokens.refreshToken, expiresAt: expiry(tokens) });
    this.me = await this.auth().getMe();
    this.emit();
  }

  /** Picks up the tab's session after a reload; signed out if it is over. */
  async resume() {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) {
      return;
    }
    this.tokens = JSON.parse(stored) as HeldTokens;
    try {
      this.hold(await this.freshTokens());
      this.me = await this.auth().getMe();
    } catch {
      this.end();
    }
    this.emit();
  }

  /** The ID token to send, refreshed first if it expires within a minute. */
  async idToken(): Promise<string | undefined> {
    if (this.tokens && this.tokens.expiresAt - Date.now() < REFRESH_AHEAD_MS) {
      await this.refresh();
    }
    return this.tokens?.idToken;
  }

  /**
   * Refreshes the ID token now (one refresh at a time). The session ends if the refresh is refused
   * (signed out elsewhere, disabled); an API that does not answer only delays it.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.freshTokens()
      .then((tokens) => this.hold(tokens))
      .catch((error) => {
        if (refused(error)) {
          this.end();
        } else {
          clearTimeout(this.refreshTimer);
          this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_RETRY_MS);
        }
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Signs out everywhere (POST /auth/sign-out), then forgets the tokens. */
  async signOut() {
    try {
      await this.auth().signOut();
    } finally {
      this.end();
    }
  }

  /** Forgets the tokens: the console shows the sign-in form. */
  end() {
    clearTimeout(this.refreshTimer);
    this.tokens = undefined;
    this.me = undefined;
    sessionStorage.removeItem(STORAGE_KEY);
    this.emit();
  }

  private async freshTokens(): Promise<HeldTokens> {
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) {
      throw new Error('no refresh token');
    }
    const tokens = await this.auth().refresh({ refreshRequest: { refreshToken } });
    return { idToken: tokens.idToken, refreshToken, expiresAt: expiry(tokens) };
  }

  private hold(tokens: HeldTokens) {
    this.tokens = tokens;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    clearTimeout(this.refreshTimer);
    const due = Math.max(5_000, tokens.expiresAt - Date.now() - REFRESH_AHEAD_MS);
    this.refreshTimer = setTimeout(() => void this.refresh(), due);
  }

  private emit() {
    this.listeners.forEach((listener) => listener());
  }
}

/** Whether a failed refresh means the session is over: not when the API did not answer or failed itself. */
function refused(error: unknown): boolean {
  if (error instanceof FetchError) {
    return false;
  }
  return !(error instanceof ResponseError) || error.response.status < 500;
}

function expiry(tokens: Tokens): number {
  return Date.now() + tokens.expiresIn * 1000;
}
