import { useState } from 'preact/hooks';
import { type Role, Role as Roles, type User } from '../../generated';
import type { ShownProblem } from '../api/problems';
import { Confirm } from '../ui/Confirm';
import { useConsole } from '../ui/context';
import { dateTime, etag } from '../ui/format';
import { useAction, usePages } from '../ui/hooks';
import { ProblemBox } from '../ui/Problem';

const LAST_ADMIN_HINT = 'A tenant keeps at least one enabled tenant admin: make someone else an admin first.';

/** Tenant admins: invite users, change their role, disable, enable and remove them. */
export function UsersPage() {
  const { api } = useConsole();
  const users = usePages((cursor) => api.users.listUsers({ cursor, limit: 50 }));
  const replace = (changed: User) => users.setItems((all) => all.map((user) => (user.userId === changed.userId ? changed : user)));
  const remove = (gone: User) => users.setItems((all) => all.filter((user) => user.userId !== gone.userId));

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <InviteForm onInvited={(user) => users.setItems((all) => [user, ...all])} />
      <ProblemBox problem={users.problem} />
      <div class="table-wrap">
        <table class="stack">
          <thead><tr><th>User</th><th>Role</th><th>Status</th><th>Since</th><th>Actions</th></tr></thead>
          <tbody>
            {users.items.map((user) => <UserRow key={user.userId} user={user} onChanged={replace} onRemoved={remove} />)}
          </tbody>
        </table>
      </div>
      {users.hasMore && <button type="button" disabled={users.loading} onClick={() => void users.more()}>Load more users</button>}
    </section>
  );
}

function InviteForm({ onInvited }: { onInvited(user: User): void }) {
  const { api } = useConsole();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('members');
  const [invited, setInvited] = useState<string | undefined>();
  const { busy, problem, run } = useAction();

  const invite = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const invitation = await api.users.inviteUser({ inviteRequest: { email, role } });
      onInvited(invitation.user);
      setInvited(invitation.temporaryPassword
        ? `Invited ${invitation.user.username}. Temporary password (shown once): ${invitation.temporaryPassword}`
        : `Invited ${invitation.user.username}; Cognito emails them a temporary password.`);
      setEmail('');
    });
  };

  return (
    <form class="card invite" onSubmit={invite} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a user</h2>
      <label>
        Email
        <input type="email" name="email" required value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
      </label>
      <label>
        Role
        <select name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
          {Object.values(Roles).map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </label>
      <button type="submit" disabled={busy}>Invite</button>
      {invited && <p role="status" class="done">{invited}</p>}
      <ProblemBox problem={problem} />
    </form>
  );
}

interface UserRowProps {
  user: User;
  onChanged(user: User): void;
  onRemoved(user: User): void;
}

function UserRow({ user, onChanged, onRemoved }: UserRowProps) {
  const { api } = useConsole();
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, run } = useAction();

  const change = (userChange: { role?: Role; enabled?: boolean }) =>
    run(async () => onChanged(await api.users.changeUser({ userId: user.userId, userChange, ifMatch: etag(user.version) })));
  const remove = () =>
    run(async () => {
      await api.users.deleteUser({ userId: user.userId, ifMatch: etag(user.version) });
      onRemoved(user);
    });

  return (
    <tr data-user={user.username}>
      <th scope="row">{user.username}</th>
      <td data-label="Role">
        <label class="visually-hidden" for={`role-${user.userId}`}>Role of {user.username}</label>
        <select id={`role-${user.userId}`} value={user.role} disabled={busy}
          onChange={(event) => void change({ role: event.currentTarget.value as Role })}>
          {Object.values(Roles).map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </td>
      <td data-label="Status"><span class={`badge ${user.enabled ? 'active' : 'suspended'}`}>{user.enabled ? 'enabled' : 'disabled'}</span></td>
      <td data-label="Since">{dateTime(user.createdAt)}</td>
      <td class="actions">
        <button type="button" disabled={busy} onClick={() => void change({ enabled: !user.enabled })}>
          {user.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>Remove</button>
        <ProblemBox problem={problem} hint={lastAdminHint(problem)} />
        {confirming && (
          <Confirm
            title={`Remove ${user.username}?`}
            message="The account is deleted and its sessions end within seconds. Their orders stay."
            confirmLabel="Remove"
            onCancel={() => setConfirming(false)}
            onConfirm={() => { setConfirming(false); void remove(); }}
          />
        )}
      </td>
    </tr>
  );
}

/** The last-admin rule answers 409; say what to do about it. */
function lastAdminHint(problem?: ShownProblem): string | undefined {
  return problem?.status === 409 ? LAST_ADMIN_HINT : undefined;
}
