import { useState } from 'preact/hooks';
import { type Tenant, type Tier, Tier as Tiers } from '../../generated';
import { Confirm } from '../ui/Confirm';
import { useConsole } from '../ui/context';
import { bytes, dateTime, etag } from '../ui/format';
import { useAction, usePages } from '../ui/hooks';
import { ProblemBox } from '../ui/Problem';

/**
 * Platform admins: every tenant, a page at a time. GET /admin/tenants has no name filter, so the
 * search filters the pages loaded so far ("Load more" widens it).
 */
export function TenantsPage() {
  const { api } = useConsole();
  const tenants = usePages((cursor) => api.tenants.listTenants({ cursor, limit: 50 }));
  const [search, setSearch] = useState('');
  const shown = tenants.items.filter((tenant) => matches(tenant, search));
  const replace = (changed: Tenant) =>
    tenants.setItems((all) => all.map((tenant) => (tenant.id === changed.id ? changed : tenant)));

  return (
    <section aria-labelledby="tenants-title">
      <h1 id="tenants-title">Tenants</h1>
      <label class="search">
        Search by name or id (in the {tenants.items.length} tenants loaded)
        <input type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
      </label>
      <ProblemBox problem={tenants.problem} />
      <div class="table-wrap">
        <table class="stack">
          <thead>
            <tr><th>Tenant</th><th>Tier</th><th>Status</th><th>Users</th><th>Storage</th><th>Created</th><th>Actions</th></tr>
          </thead>
          <tbody>
            {shown.map((tenant) => <TenantRow key={tenant.id} tenant={tenant} onChanged={replace} />)}
          </tbody>
        </table>
      </div>
      {!tenants.loading && shown.length === 0 && <p>No tenant matches.</p>}
      {tenants.hasMore && (
        <button type="button" disabled={tenants.loading} onClick={() => void tenants.more()}>Load more tenants</button>
      )}
    </section>
  );
}

function matches(tenant: Tenant, search: string): boolean {
  const wanted = search.trim().toLowerCase();
  return !wanted || tenant.name.toLowerCase().includes(wanted) || tenant.id.includes(wanted);
}

function TenantRow({ tenant, onChanged }: { tenant: Tenant; onChanged(tenant: Tenant): void }) {
  const { api } = useConsole();
  const [tier, setTier] = useState<Tier>(tenant.tier);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const { busy, problem, run } = useAction();
  const suspended = tenant.status === 'suspended';

  const change = (tenantChange: { tier?: Tier; status?: 'active' | 'suspended' }) =>
    run(async () => {
      const changed = await api.tenants.changeTenant({ tenantId: tenant.id, tenantChange, ifMatch: etag(tenant.version) });
      onChanged(changed);
      setDone(tenantChange.tier ? `Tier is now ${changed.tier}.` : `Tenant is now ${changed.status}.`);
    });

  const rebuild = () =>
    run(async () => {
      const outcome = await api.analytics.rebuildAnalytics({ tenantId: tenant.id });
      setDone(`${outcome.matched ? 'Already matched' : 'Repaired'}: ${outcome.aggregates} aggregates, ${outcome.itemsWritten} items written.`);
    });

  return (
    <tr data-tenant={tenant.id}>
      <th scope="row">{tenant.name}<br /><small>{tenant.id}</small></th>
      <td data-label="Tier">
        <form class="inline" onSubmit={(event) => { event.preventDefault(); void change({ tier }); }}>
          <label class="visually-hidden" for={`tier-${tenant.id}`}>Tier of {tenant.name}</label>
          <select id={`tier-${tenant.id}`} value={tier} onChange={(event) => setTier(event.currentTarget.value as Tier)}>
            {Object.values(Tiers).map((option) => <option key={option} value={option}>{option}</option>)}
          </select>
          <button type="submit" disabled={busy || tier === tenant.tier}>Change tier</button>
        </form>
      </td>
      <td data-label="Status"><span class={`badge ${tenant.status}`}>{tenant.status}</span></td>
      <td data-label="Users">{tenant.userCount} / {tenant.limits.maxUsers}</td>
      <td data-label="Storage">{bytes(tenant.storageUsedBytes)} / {bytes(tenant.limits.storageQuotaBytes)}</td>
      <td data-label="Created">{dateTime(tenant.createdAt)}</td>
      <td class="actions">
        <button type="button" class={suspended ? '' : 'danger'} disabled={busy} onClick={() => setConfirming(true)}>
          {suspended ? 'Reactivate' : 'Suspend'}
        </button>
        <button type="button" disabled={busy} onClick={() => void rebuild()}>Rebuild analytics</button>
        {done && <p role="status">{done}</p>}
        <ProblemBox problem={problem} />
        {confirming && (
          <Confirm
            title={`${suspended ? 'Reactivate' : 'Suspend'} ${tenant.name}?`}
            message={suspended
              ? 'Its users can sign in and use the API again.'
              : 'Every user of this tenant gets 403 on every request, and their live connections close, within seconds.'}
            confirmLabel={suspended ? 'Reactivate' : 'Suspend'}
            onCancel={() => setConfirming(false)}
            onConfirm={() => { setConfirming(false); void change({ status: suspended ? 'active' : 'suspended' }); }}
          />
        )}
      </td>
    </tr>
  );
}
