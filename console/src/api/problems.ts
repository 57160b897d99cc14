import { FetchError, ResponseError } from '../../generated';

/** What the console shows of a failed call: the problem document's detail and correlation id. */
export interface ShownProblem {
  status?: number;
  type?: string;
  title: string;
  detail?: string;
  correlationId?: string;
}

export async function problemOf(error: unknown): Promise<ShownProblem> {
  if (error instanceof ResponseError) {
    const response = error.response;
    const correlationId = response.headers.get('X-Correlation-Id') ?? undefined;
    try {
      const body = await response.clone().json();
      return {
        status: response.status,
        type: body.type,
        title: body.title ?? response.statusText,
        detail: body.detail,
        correlationId: body.correlationId ?? correlationId,
      };
    } catch {
      return { status: response.status, title: `${response.status} ${response.statusText}`, correlationId };
    }
  }
  if (error instanceof FetchError) {
    return { title: 'The API did not answer', detail: 'Check the connection and try again.' };
  }
  return { title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) };
}
