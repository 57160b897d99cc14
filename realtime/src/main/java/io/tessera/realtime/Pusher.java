package io.tessera.realtime;

/**
 * Sends one message to one connection: into an in-process session locally, through the API
 * Gateway Management API in AWS.
 */
public interface Pusher {

    /** Returns false if the connection is gone (closed locally, 410 in AWS); the caller forgets it. */
    boolean send(String connectionId, String message);
}
