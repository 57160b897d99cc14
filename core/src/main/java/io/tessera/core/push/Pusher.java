package io.tessera.core.push;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends to one connection: into an in-process session locally, through the API Gateway
 * Management API in AWS.
 */
public interface Pusher {

    /** Sends a text message; returns false if the connection is gone (closed locally, 410 in AWS). */
    boolean send(String connectionId, String message);

    /**
     * Sends one text message to many connections, as fast as the transport allows: in AWS with
     * bounded concurrency, since each send is its own HTTPS call.
     *
     * @return the connections that are gone
     */
    default Set<String> sendToAll(Collection<String> connectionIds, String message) {
        Set<String> gone = new HashSet<>();
        connectionIds.forEach(connectionId -> {
            if (!send(connectionId, message)) {
                gone.add(connectionId);
            }
        });
        return gone;
    }

    /**
     * Ends the connection: locally a close frame with the closing's code, in AWS API Gateway's
     * DeleteConnection. A connection that is already gone is fine.
     */
    void disconnect(String connectionId, Closing closing);
}
