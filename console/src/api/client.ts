import {
  AnalyticsApi, AuditApi, AuthApi, CatalogApi, Configuration, OrdersApi, TenantsApi, UploadsApi, UsersApi,
  type Middleware,
} from '../../generated';
import { notices } from '../ui/notices';

/** Every API of the generated client, sharing one configuration. */
export interface Api {
  auth: AuthApi;
  tenants: TenantsApi;
  users: UsersApi;
  audit: AuditApi;
  catalog: CatalogApi;
  orders: OrdersApi;
  uploads: UploadsApi;
  analytics: AnalyticsApi;
}

export interface ApiHooks {
  /** The ID token to send, refreshed first when it is about to expire. */
  idToken(): Promise<string | undefined>;
  /** A 401 from anything but the sign-in endpoints: the session is over. */
  onUnauthorized(): void;
}

/** Waits longer than this are not waited out in the background. */
const LONGEST_WAIT_S = 60;
const MAX_WAITS = 3;

export function createApi(apiUrl: string, hooks: ApiHooks): Api {
  const unauthorized: Middleware = {
    async post({ url, response }) {
      // A refused sign-in or challenge answer is shown on the sign-in form instead.
      if (response.status === 401 && !/\/auth\/(login|challenge|refresh)$/.test(new URL(url).pathname)) {
        hooks.onUnauthorized();
      }
      return response;
    },
  };
  const configuration = new Configuration({
    basePath: apiUrl,
    accessToken: async () => (await hooks.idToken()) ?? '',
    fetchApi: waitingOnTooManyRequests,
    middleware: [unauthorized],
  });
  return {
    auth: new AuthApi(configuration),
    tenants: new TenantsApi(configuration),
    users: new UsersApi(configuration),
    audit: new AuditApi(configuration),
    catalog: new CatalogApi(configuration),
    orders: new OrdersApi(configuration),
    uploads: new UploadsApi(configuration),
    analytics: new AnalyticsApi(configuration),
  };
}

/**
 * The generated client's transport: a 429 is sent again after its Retry-After, a few times, as long
 * as the wait is short; a longer one is shown as the problem it is.
 */
async function waitingOnTooManyRequests(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  for (let waits = 0; ; waits++) {
    const response = await fetch(input, init);
    if (response.status !== 429 || waits === MAX_WAITS) {
      return response;
    }
    const seconds = retryAfterSeconds(response.headers.get('Retry-After'), Date.now());
    if (seconds > LONGEST_WAIT_S) {
      return response;
    }
    notices.info(`Over the tenant's request rate: trying again in ${seconds} s.`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), at least 1 s; 1 s when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: number): number {
  if (!value) {
    return 1;
  }
  if (/^\d+$/.test(value.trim())) {
    return Math.max(1, Number(value.trim()));
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1 : Math.max(1, Math.ceil((at - now) / 1000));
}
