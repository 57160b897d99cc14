import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { problemOf, type ShownProblem } from '../api/problems';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** A list read page by page with the API's cursors; `more` appends the next page. */
export function usePages<T>(load: (cursor?: string) => Promise<Page<T>>, dependencies: unknown[] = []) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ShownProblem | undefined>();
  const generation = useRef(0);

  const fetchPage = useCallback(async (from: string | undefined, replace: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    setProblem(undefined);
    try {
      const page = await load(from);
      if (mine === generation.current) {
        setItems((current) => (replace ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
      }
    } catch (error) {
      if (mine === generation.current) {
        setProblem(await problemOf(error));
      }
    } finally {
      if (mine === generation.current) {
        setLoading(false);
      }
    }
  }, dependencies);

  useEffect(() => void fetchPage(undefined, true), [fetchPage]);

  return {
    items,
    setItems,
    loading,
    problem,
    hasMore: cursor !== undefined,
    more: () => fetchPage(cursor, false),
    reload: () => fetchPage(undefined, true),
  };
}

/** Runs one API call at a time for a form or a row, keeping its problem to show beside it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | undefined>();
  const run = useCallback(async <R,>(call: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setProblem(undefined);
    try {
      return await call();
    } catch (error) {
      setProblem(await problemOf(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, run };
}
