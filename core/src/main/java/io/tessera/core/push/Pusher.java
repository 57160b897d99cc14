package io.tessera.core.push;

/**
 * Sends to one connection: into an in-process session locally, through the API Gateway
 * Management API in AWS.
 */
public interface Pusher {

    /** Sends a text message; returns false if the connection is gone (closed locally, 410 in AWS). */
    boolean send(String connectionId, String message);

    /**
     * Ends the connection: locally a close frame with the closing's code, in AWS API Gateway's
     * DeleteConnection. A connection that is already gone is fine.
     */
    void disconnect(String connectionId, Closing closing);
}
