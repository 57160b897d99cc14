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

/** The generated client's transport: a 429 is sent again after its Retry-After, a few times. */
async function waitingOnTooManyRequests(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  for (let waits = 0; ; waits++) {
    const response = await fetch(input, init);
    if (response.status !== 429 || waits === MAX_WAITS) {
      return response;
    }
    const seconds = Math.max(1, Number(response.headers.get('Retry-After')) || 1);
    notices.info(`Over the tenant's request rate: trying again in ${seconds} s.`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}
