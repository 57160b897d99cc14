"""moto in server mode, with DynamoDB requests serialized.

moto's DynamoDB backend is not thread-safe: two concurrent conditional writes (or transactions)
on the same item can both see the old value and both succeed, which real DynamoDB never allows.
Tessera relies on conditional writes for stock, status transitions and idempotency, so this
launcher runs moto's own WSGI app and takes one lock around every DynamoDB and DynamoDB Streams
request. Other services (SQS long polls among them) stay concurrent.

Usage: emulator_server.py HOST PORT
"""
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple

DYNAMODB_TARGETS = ("DynamoDB_", "DynamoDBStreams_")
_dynamodb_lock = threading.Lock()


class SerializedDynamoDb:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if target.startswith(DYNAMODB_TARGETS):
            with _dynamodb_lock:
                # Consume the whole response inside the lock: the backend work may be lazy.
                return list(self.app(environ, start_response))
        return self.app(environ, start_response)


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, SerializedDynamoDb(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
