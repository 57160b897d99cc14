import { render } from 'preact';
import { createApi } from './api/client';
import { Session } from './auth/session';
import { loadConfig } from './config';
import { LiveSocket } from './live/socket';
import { App } from './ui/App';
import './styles.css';

const config = await loadConfig();
const session: Session = new Session(() => api.auth);
const api = createApi(config.apiUrl, {
  idToken: () => session.idToken(),
  onUnauthorized: () => session.end(),
});
const live = new LiveSocket({
  url: config.webSocketUrl,
  idToken: () => session.idToken(),
  refreshToken: () => session.refresh(),
});

await session.resume();
const root = document.getElementById('app')!;
root.replaceChildren();
render(<App api={api} session={session} live={live} />, root);
