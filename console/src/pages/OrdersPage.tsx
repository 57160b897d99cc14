import { useEffect, useState } from 'preact/hooks';
import { type Order, type OrderStatus, OrderStatus as Statuses } from '../../generated';
import type { OrderEvent } from '../live/messages';
import { Confirm } from '../ui/Confirm';
import { useConsole } from '../ui/context';
import { dateTime, money } from '../ui/format';
import { useAction, usePages } from '../ui/hooks';
import { ProblemBox } from '../ui/Problem';

/** The status machine of openapi.yaml: where an admin can move an order next. */
const NEXT: Partial<Record<OrderStatus, OrderStatus>> = { PLACED: 'PAID', PAID: 'SHIPPED', SHIPPED: 'DELIVERED' };
const CANCELLABLE: OrderStatus[] = ['PLACED', 'PAID'];
const FEED_LENGTH = 20;

/** Tenant admins: orders by status, moved along the status machine, and the live feed beside them. */
export function OrdersPage() {
  const { api, live } = useConsole();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const orders = usePages((cursor) => api.orders.listOrders({ cursor, limit: 25, status: status || undefined }), [status]);
  const [feed, setFeed] = useState<OrderEvent[]>([]);
  const replace = (changed: Order) => orders.setItems((all) => all.map((order) => (order.orderId === changed.orderId ? changed : order)));

  useEffect(() => live.subscribe('orders'), [live]);
  useEffect(() => {
    const show = (event: OrderEvent) => {
      setFeed((shown) => shown.some((other) => other.eventId === event.eventId) ? shown : [event, ...shown].slice(0, FEED_LENGTH));
      orders.setItems((all) => all.map((order) => order.orderId === event.orderId && order.version < event.version
        ? { ...order, status: event.status, version: event.version }
        : order));
    };
    const created = live.on('order.created', (event) => {
      show(event);
      if (!status || status === event.status) {
        void api.orders.getOrder({ orderId: event.orderId }).then((order) =>
          orders.setItems((all) => all.some((other) => other.orderId === order.orderId) ? all : [order, ...all]));
      }
    });
    const changed = live.on('order.status_changed', show);
    return () => { created(); changed(); };
  }, [live, status]);

  return (
    <section aria-labelledby="orders-title" class="orders-page">
      <h1 id="orders-title">Orders</h1>
      <div class="orders-layout">
        <div>
          <label class="filter">
            Status
            <select value={status} onChange={(event) => setStatus(event.currentTarget.value as OrderStatus | '')}>
              <option value="">every status</option>
              {Object.values(Statuses).map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          </label>
          <ProblemBox problem={orders.problem} />
          <div class="table-wrap">
            <table class="stack">
              <thead><tr><th>Order</th><th>Placed</th><th>Lines</th><th>Total</th><th>Status</th><th>Actions</th></tr></thead>
              <tbody>{orders.items.map((order) => <OrderRow key={order.orderId} order={order} onChanged={replace} />)}</tbody>
            </table>
          </div>
          {!orders.loading && orders.items.length === 0 && <p>No orders{status ? ` with status ${status}` : ''}.</p>}
          {orders.hasMore && <button type="button" disabled={orders.loading} onClick={() => void orders.more()}>Older orders</button>}
        </div>
        <LiveFeed feed={feed} />
      </div>
    </section>
  );
}

function LiveFeed({ feed }: { feed: OrderEvent[] }) {
  return (
    <aside class="card feed" aria-labelledby="feed-title">
      <h2 id="feed-title">Live order feed</h2>
      {feed.length === 0 && <p>Orders placed or moved from now on appear here.</p>}
      <ol aria-live="polite">
        {feed.map((event) => (
          <li key={event.eventId} data-order={event.orderId}>
            <time dateTime={event.occurredAt}>{new Date(event.occurredAt).toLocaleTimeString()}</time>{' '}
            <code>{event.orderId.slice(0, 8)}</code>{' '}
            {event.previousStatus ? `${event.previousStatus} → ${event.status}` : event.status}{' '}
            {money(event.totalMinor, event.currency)}
          </li>
        ))}
      </ol>
    </aside>
  );
}

function OrderRow({ order, onChanged }: { order: Order; onChanged(order: Order): void }) {
  const { api } = useConsole();
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, run } = useAction();
  const next = NEXT[order.status];
  const move = (to: OrderStatus) =>
    run(async () => onChanged(await api.orders.changeOrderStatus({ orderId: order.orderId, statusChange: { status: to } })));

  return (
    <tr data-order={order.orderId}>
      <th scope="row"><code title={order.orderId}>{order.orderId.slice(0, 8)}</code></th>
      <td data-label="Placed">{dateTime(order.createdAt)}</td>
      <td data-label="Lines">{order.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</td>
      <td data-label="Total">{money(order.totalMinor, order.currency)}</td>
      <td data-label="Status"><span class={`badge ${order.status}`}>{order.status}</span></td>
      <td class="actions">
        {next && <button type="button" disabled={busy} onClick={() => void move(next)}>Mark {next.toLowerCase()}</button>}
        {CANCELLABLE.includes(order.status) && (
          <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>Cancel</button>
        )}
        <ProblemBox problem={problem} />
        {confirming && (
          <Confirm title="Cancel this order?" message="Its stock goes back to the catalog. This cannot be undone."
            confirmLabel="Cancel the order" onCancel={() => setConfirming(false)}
            onConfirm={() => { setConfirming(false); void move('CANCELLED'); }} />
        )}
      </td>
    </tr>
  );
}
