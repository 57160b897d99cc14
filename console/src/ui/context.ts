import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../api/client';
import type { Session } from '../auth/session';
import type { LiveSocket } from '../live/socket';

export interface Console {
  api: Api;
  session: Session;
  live: LiveSocket;
}

export const ConsoleContext = createContext<Console | undefined>(undefined);

export function useConsole(): Console {
  return useContext(ConsoleContext)!;
}
