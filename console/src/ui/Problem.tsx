import type { ShownProblem } from '../api/problems';

/** A failed call as the API explained it: its detail, and the correlation id to quote. */
export function ProblemText({ problem }: { problem: ShownProblem }) {
  return (
    <span class="problem-text">
      <strong>{problem.title}</strong>
      {problem.status ? ` (${problem.status})` : ''}
      {problem.detail && <span class="detail">: {problem.detail}</span>}
      {problem.correlationId && (
        <span class="correlation">
          {' '}Correlation id <code>{problem.correlationId}</code>
        </span>
      )}
    </span>
  );
}

export function ProblemBox({ problem, hint }: { problem?: ShownProblem; hint?: string }) {
  if (!problem) {
    return null;
  }
  return (
    <p class="problem" role="alert">
      <ProblemText problem={problem} />
      {hint && <span class="hint"> {hint}</span>}
    </p>
  );
}
