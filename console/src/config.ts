/** Where the API and the WebSocket are: config.json beside the page, empty for the page's own origin. */
export interface ConsoleConfig {
  apiUrl: string;
  webSocketUrl: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  const stored: Partial<ConsoleConfig> = response.ok ? await response.json() : {};
  const apiUrl = (stored.apiUrl || location.origin).replace(/\/+$/, '');
  const webSocketUrl = stored.webSocketUrl || apiUrl.replace(/^http/, 'ws') + '/ws';
  return { apiUrl, webSocketUrl };
}
