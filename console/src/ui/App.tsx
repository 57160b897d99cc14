import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import type { Session } from '../auth/session';
import type { LiveSocket, LiveState } from '../live/socket';
import { AnalyticsPage } from '../pages/AnalyticsPage';
import { AuditPage } from '../pages/AuditPage';
import { CatalogPage } from '../pages/CatalogPage';
import { OrdersPage } from '../pages/OrdersPage';
import { TenantsPage } from '../pages/TenantsPage';
import { UsersPage } from '../pages/UsersPage';
import { ConsoleContext, useConsole } from './context';
import { NoticeArea } from './NoticeArea';
import { SignIn } from './SignIn';

interface Route {
  path: string;
  title: string;
  page: () => preact.JSX.Element;
}

/** Which pages each role sees: platform admins manage tenants, tenant admins their tenant. */
const ROUTES: Record<string, Route[]> = {
  'platform-admins': [{ path: 'tenants', title: 'Tenants', page: TenantsPage }],
  'tenant-admins': [
    { path: 'analytics', title: 'Analytics', page: AnalyticsPage },
    { path: 'orders', title: 'Orders', page: OrdersPage },
    { path: 'catalog', title: 'Catalog', page: CatalogPage },
    { path: 'users', title: 'Users', page: UsersPage },
    { path: 'audit', title: 'Audit trail', page: AuditPage },
  ],
};

interface AppProps {
  api: Api;
  session: Session;
  live: LiveSocket;
}

export function App({ api, session, live }: AppProps) {
  const [, setSessionVersion] = useState(0);
  useEffect(() => session.onChange(() => setSessionVersion((version) => version + 1)), [session]);
  const me = session.me;
  const routes = me ? me.roles.flatMap((role) => ROUTES[role] ?? []) : [];
  useEffect(() => {
    if (me?.roles.includes('tenant-admins')) {
      live.start();
      return () => live.stop();
    }
    return undefined;
  }, [me, live]);

  return (
    <ConsoleContext.Provider value={{ api, session, live }}>
      <a class="skip" href="#main">Skip to content</a>
      <NoticeArea />
      {!me ? <SignIn /> : routes.length === 0 ? <NotAnAdmin /> : <Shell routes={routes} />}
    </ConsoleContext.Provider>
  );
}

function Shell({ routes }: { routes: Route[] }) {
  const path = useHashPath(routes[0].path);
  const route = routes.find((candidate) => candidate.path === path) ?? routes[0];
  useEffect(() => {
    document.title = `${route.title} · Tessera console`;
  }, [route]);
  const Page = route.page;
  return (
    <div class="shell">
      <Header />
      <nav class="nav" aria-label="Console">
        <ul>
          {routes.map((candidate) => (
            <li key={candidate.path}>
              <a href={`#/${candidate.path}`} aria-current={candidate === route ? 'page' : undefined}>{candidate.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Page key={route.path} />
      </main>
    </div>
  );
}

function Header() {
  const { session, live } = useConsole();
  const [liveState, setLiveState] = useState<LiveState>(live.state);
  useEffect(() => live.onState(setLiveState), [live]);
  const me = session.me!;
  return (
    <header class="top">
      <span class="brand">Tessera console</span>
      <span class="who">
        {me.username}
        {me.tenantId ? ` · tenant ${me.tenantId}` : ' · platform'}
      </span>
      {me.roles.includes('tenant-admins') && (
        <span class={`live-state ${liveState}`} role="status" aria-label={`Live updates: ${liveState}`}>{liveState}</span>
      )}
      <button type="button" onClick={() => void session.signOut()}>Sign out</button>
    </header>
  );
}

function NotAnAdmin() {
  const { session } = useConsole();
  return (
    <main class="sign-in" id="main">
      <h1>Tessera console</h1>
      <p>The console is for platform and tenant admins; {session.me?.username} is neither.</p>
      <button type="button" onClick={() => void session.signOut()}>Sign out</button>
    </main>
  );
}

function useHashPath(fallback: string): string {
  const read = () => location.hash.replace(/^#\/?/, '') || fallback;
  const [path, setPath] = useState(read);
  useEffect(() => {
    const changed = () => setPath(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return path;
}
