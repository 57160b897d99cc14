/**
 * The WebSocket messages of asyncapi.yaml, written by hand: no AsyncAPI generator for TypeScript
 * resolves from the registries this project uses. Keep them in step with asyncapi.yaml's
 * components.messages (the end-to-end tests validate the server's messages against that file).
 */
export type Channel = 'orders' | 'analytics' | 'uploads';
export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'REJECTED';

export type ClientMessage =
  | { action: 'subscribe'; channel: Channel }
  | { action: 'unsubscribe'; channel: Channel }
  | { action: 'ping' };

/** A whole number in decimal digits (sums outgrow JavaScript's 2^53). */
export type DecimalAmount = string;
export type RevenueByCurrency = Record<string, DecimalAmount>;

export interface AnalyticsSummaryMessage {
  byStatus: { status: OrderStatus; orders: number; revenueMinor: RevenueByCurrency }[];
  today: { date: string; orders: number; revenueMinor: RevenueByCurrency };
  topProducts: { productId: string; name?: string; units: number; revenueMinor: RevenueByCurrency }[];
}

/** order.created and order.status_changed carry the same fields. */
export interface OrderEvent<T extends 'order.created' | 'order.status_changed' = 'order.created' | 'order.status_changed'> {
  type: T;
  eventId: string;
  orderId: string;
  ownerId: string;
  previousStatus?: OrderStatus;
  status: OrderStatus;
  version: number;
  totalMinor: number;
  currency: string;
  occurredAt: string;
}

export type ServerMessage =
  | { type: 'pong' }
  | { type: 'subscribed'; channel: Channel }
  | { type: 'unsubscribed'; channel: Channel }
  | { type: 'error'; message: string }
  | OrderEvent<'order.created'>
  | OrderEvent<'order.status_changed'>
  | { type: 'analytics.updated'; summary: AnalyticsSummaryMessage }
  | {
      type: 'upload.completed';
      uploadId: string;
      fileName: string;
      status: 'UPLOADED' | 'REJECTED';
      sizeBytes?: number;
      rejectionReason?: string;
    }
  | {
      type: 'upload.processed';
      uploadId: string;
      fileName: string;
      status: 'PROCESSED' | 'REFUSED';
      reason?: string;
      width?: number;
      height?: number;
      pageCount?: number;
    }
  | { type: 'connection.closing'; code: 4401 | 4403; reason: string };

export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
