import { useConsole } from '../ui/context';
import { dateTime } from '../ui/format';
import { usePages } from '../ui/hooks';
import { ProblemBox } from '../ui/Problem';

/** Tenant admins: the audit trail, newest first, a page at a time. */
export function AuditPage() {
  const { api } = useConsole();
  const audit = usePages((cursor) => api.audit.listAudit({ cursor, limit: 25 }));
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <button type="button" onClick={() => void audit.reload()} disabled={audit.loading}>Refresh</button>
      <ProblemBox problem={audit.problem} />
      <div class="table-wrap">
        <table class="stack">
          <thead><tr><th>When</th><th>Action</th><th>Target</th><th>By</th><th>Outcome</th><th>Detail</th></tr></thead>
          <tbody>
            {audit.items.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td data-label="When">{dateTime(entry.at)}</td>
                <td data-label="Action"><code>{entry.action}</code></td>
                <td data-label="Target">{entry.target}</td>
                <td data-label="By">{entry.actorId ?? ''}</td>
                <td data-label="Outcome"><span class={`badge ${entry.outcome}`}>{entry.outcome}</span></td>
                <td data-label="Detail">{entry.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {audit.hasMore && <button type="button" disabled={audit.loading} onClick={() => void audit.more()}>Older entries</button>}
    </section>
  );
}
